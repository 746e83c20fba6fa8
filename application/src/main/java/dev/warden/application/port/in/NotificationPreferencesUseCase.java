package dev.warden.application.port.in;

import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Read an organisation's notification preferences: anyone of the organisation, or a super admin. */
public interface NotificationPreferencesUseCase {

    NotificationPreferences preferences(Actor actor, Optional<OrganizationId> organizationId);
}
