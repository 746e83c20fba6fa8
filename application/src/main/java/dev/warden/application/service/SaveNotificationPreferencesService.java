package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.SaveNotificationPreferencesUseCase;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.NotificationPreferences;
import java.util.Optional;

/** Use case implementation: an organisation's ORG_ADMIN (or a super admin) replaces its notification preferences. */
public final class SaveNotificationPreferencesService implements SaveNotificationPreferencesUseCase {

    private final NotificationPreferencesStore store;
    private final UnitOfWork unitOfWork;
    private final boolean allowPlainHttp;

    /** @param allowPlainHttp lets Slack URLs be http, for local stand-ins; never in production */
    public SaveNotificationPreferencesService(NotificationPreferencesStore store, UnitOfWork unitOfWork,
                                              boolean allowPlainHttp) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.allowPlainHttp = allowPlainHttp;
    }

    @Override
    public NotificationPreferences save(Actor actor, NotificationPreferences preferences) {
        actor.requireWrite(preferences.organizationId());
        return unitOfWork.inTransaction(() -> {
            NotificationPreferences valid = keepingStoredSlackUrl(preferences).validated(allowPlainHttp);
            store.save(valid);
            return valid;
        });
    }

    /** GET shows the Slack URL masked; a PUT that sends the masked form back keeps the stored URL. */
    private NotificationPreferences keepingStoredSlackUrl(NotificationPreferences submitted) {
        Optional<String> stored = store.find(submitted.organizationId())
                .flatMap(NotificationPreferences::slackWebhookUrl);
        if (stored.isPresent() && submitted.slackWebhookUrl()
                .equals(stored.map(NotificationPreferences::maskSlackUrl))) {
            return new NotificationPreferences(submitted.organizationId(), submitted.routes(),
                    submitted.emailRecipients(), stored, submitted.whatsAppProvider(), submitted.whatsAppNumbers(),
                    submitted.escalateAfter());
        }
        return submitted;
    }
}
