package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATION_PREFERENCES;

import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Persistence adapter: an organisation's notification preferences as one JSON document. */
@Singleton
public final class JooqNotificationPreferences implements NotificationPreferencesStore {

    private final DSLContext dsl;

    public JooqNotificationPreferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<NotificationPreferences> find(OrganizationId organizationId) {
        return dsl.select(NOTIFICATION_PREFERENCES.DOCUMENT).from(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.ORGANIZATION_ID.eq(organizationId.value()))
                .fetchOptional(NOTIFICATION_PREFERENCES.DOCUMENT)
                .map(document -> NotificationJson.preferences(organizationId, document));
    }

    @Override
    public void save(NotificationPreferences preferences) {
        JSONB document = NotificationJson.preferences(preferences);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(NOTIFICATION_PREFERENCES)
                .set(NOTIFICATION_PREFERENCES.ORGANIZATION_ID, preferences.organizationId().value())
                .set(NOTIFICATION_PREFERENCES.DOCUMENT, document)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .onConflict(NOTIFICATION_PREFERENCES.ORGANIZATION_ID).doUpdate()
                .set(NOTIFICATION_PREFERENCES.DOCUMENT, document)
                .set(NOTIFICATION_PREFERENCES.UPDATED_AT, now)
                .execute();
    }
}
