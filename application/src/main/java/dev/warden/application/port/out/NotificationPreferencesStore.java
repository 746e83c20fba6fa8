package dev.warden.application.port.out;

import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Outgoing port: each organisation's notification preferences, one document per organisation. */
public interface NotificationPreferencesStore {

    Optional<NotificationPreferences> find(OrganizationId organizationId);

    void save(NotificationPreferences preferences);
}
