package dev.warden.application.port.in;

import dev.warden.domain.notification.NotificationPreferences;

/** Replace an organisation's notification preferences: its ORG_ADMIN, or a super admin. */
public interface SaveNotificationPreferencesUseCase {

    /** @throws dev.warden.domain.shared.InvalidValue naming what is wrong */
    NotificationPreferences save(Actor actor, NotificationPreferences preferences);
}
