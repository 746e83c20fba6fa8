package dev.warden.application.port.in;

import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.List;
import java.util.Optional;

/** Use case: a person acknowledges every open alert about a template at once; returns those it acknowledged. */
public interface AcknowledgeTemplateAlertsUseCase {

    List<AlertSnapshot> acknowledgeTemplateAlerts(Actor actor, Optional<OrganizationId> organizationId,
                                                  TemplateId templateId);
}
