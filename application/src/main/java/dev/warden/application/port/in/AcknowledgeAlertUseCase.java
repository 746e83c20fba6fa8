package dev.warden.application.port.in;

import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case: a person has seen an alert; acknowledging a category change resumes the campaigns it paused. */
public interface AcknowledgeAlertUseCase {

    AlertSnapshot acknowledgeAlert(Actor actor, Optional<OrganizationId> organizationId, AlertId alertId);
}
