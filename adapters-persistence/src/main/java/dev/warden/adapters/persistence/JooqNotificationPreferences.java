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
import org.jooq.impl.DSL;

/** Persistence adapter: an organisation's notification preferences as one JSON document. */
@Singleton
public final class JooqNotificationPreferences implements NotificationPreferencesStore {

    /** Read for every alert a webhook batch raises: rendered once, not by jOOQ on every call. */
    private static final PreparedSql FIND = PreparedSql.of(DSL.select(NOTIFICATION_PREFERENCES.DOCUMENT.cast(String.class))
            .from(NOTIFICATION_PREFERENCES)
            .where(NOTIFICATION_PREFERENCES.ORGANIZATION_ID.eq(DSL.param("o", NOTIFICATION_PREFERENCES.ORGANIZATION_ID))));

    private final DSLContext dsl;

    public JooqNotificationPreferences(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<NotificationPreferences> find(OrganizationId organizationId) {
        return FIND.fetchColumn(dsl, String.class, organizationId.value()).stream().findFirst()
                .map(document -> NotificationJson.preferences(organizationId, JSONB.valueOf(document)));
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
