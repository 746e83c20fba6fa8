package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_CHANGE_STATES;
import static dev.warden.adapters.persistence.jooq.Tables.WEBHOOK_GAPS;

import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.health.MissedWebhooks;
import dev.warden.domain.health.WebhookField;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: the webhook-gap detector's counts, and the inbox's newest change of a WABA. */
@Singleton
public final class JooqWebhookGaps implements WebhookGaps {

    private final DSLContext dsl;

    public JooqWebhookGaps(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(OrganizationId organizationId, WabaId wabaId, MissedWebhooks missed, Instant at) {
        missed.asMap().forEach((field, count) -> dsl.insertInto(WEBHOOK_GAPS)
                .set(WEBHOOK_GAPS.ORGANIZATION_ID, organizationId.value())
                .set(WEBHOOK_GAPS.WABA_ID, wabaId.value())
                .set(WEBHOOK_GAPS.FIELD, field.name())
                .set(WEBHOOK_GAPS.MISSED, count.longValue())
                .set(WEBHOOK_GAPS.LAST_MISSED_AT, Times.toDb(at))
                .onConflict(WEBHOOK_GAPS.ORGANIZATION_ID, WEBHOOK_GAPS.WABA_ID, WEBHOOK_GAPS.FIELD)
                .doUpdate()
                .set(WEBHOOK_GAPS.MISSED, WEBHOOK_GAPS.MISSED.plus(count.longValue()))
                .set(WEBHOOK_GAPS.LAST_MISSED_AT, DSL.greatest(WEBHOOK_GAPS.LAST_MISSED_AT, DSL.val(Times.toDb(at))))
                .execute());
    }

    @Override
    public Map<WebhookField, Count> counts(OrganizationId organizationId, WabaId wabaId) {
        Map<WebhookField, Count> counts = new EnumMap<>(WebhookField.class);
        dsl.selectFrom(WEBHOOK_GAPS)
                .where(WEBHOOK_GAPS.ORGANIZATION_ID.eq(organizationId.value()), WEBHOOK_GAPS.WABA_ID.eq(wabaId.value()))
                .forEach(r -> counts.put(WebhookField.valueOf(r.getField()),
                        new Count(r.getMissed(), Times.fromDb(r.getLastMissedAt()))));
        return counts;
    }

    @Override
    public Optional<Instant> lastWebhookReceived(OrganizationId organizationId, WabaId wabaId) {
        // The newest of the WABA's changes first (webhook_changes_latest_by_waba), until one applied to the organisation.
        return Optional.ofNullable(dsl.select(WEBHOOK_CHANGES.RECEIVED_AT).from(WEBHOOK_CHANGES)
                .join(WEBHOOK_CHANGE_STATES).on(WEBHOOK_CHANGE_STATES.CHANGE_ID.eq(WEBHOOK_CHANGES.ID))
                .where(WEBHOOK_CHANGES.WABA_ID.eq(wabaId.value()),
                        WEBHOOK_CHANGE_STATES.ORGANIZATION_ID.eq(organizationId.value()))
                .orderBy(WEBHOOK_CHANGES.RECEIVED_AT.desc()).limit(1)
                .fetchOne(0, OffsetDateTime.class)).map(Times::fromDb);
    }
}
