package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.ALERTS;
import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;
import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;
import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATION_ATTEMPTS;

import dev.warden.adapters.persistence.jooq.tables.records.NotificationsRecord;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the notification outbox (V12, docs/adr/0011), with customer sends (V18, docs/adr/0014)
 * and campaign sends (V19, docs/adr/0016).
 *
 * <p>Why it is a little over 300 lines: the outbox's claim, retry and record SQL belong together, as one
 * table's life cycle; the retention purge is the part that could move to a class of its own.
 */
@Singleton
public final class JooqNotificationOutbox implements NotificationOutbox {

    private static final List<String> UNSETTLED = List.of(NotificationStatus.QUEUED.name(),
            NotificationStatus.RETRYING.name(), NotificationStatus.SENDING.name());

    /**
     * The dispatchers' claim, in two parts, each by due time and skipping the rows other dispatchers hold:
     * up to a batch of due alert notices and transactional sends, and up to the campaign budget of due sends
     * of RUNNING campaigns (a campaign that is not running keeps its sends: they are held). Each part reads
     * its own partial index (V19), so a campaign backlog, held or paced, is never walked by the first. The
     * running campaigns are taken in a new random order at each claim, and only as far as the budget goes
     * (the nested loop stops at the LIMIT): in index order the same campaign would take the whole budget of
     * every claim until it finished, and the others would wait. The claimed rows become SENDING until the
     * claim expires, with the attempt counted.
     */
    private static final PreparedSql CLAIM_DUE = PreparedSql.ofSql("""
            WITH alone AS (
              SELECT organization_id, id FROM notifications
              WHERE status IN ('QUEUED', 'RETRYING', 'SENDING') AND campaign_id IS NULL AND next_attempt_at <= ?
              ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED
            ), of_campaigns AS (
              SELECT s.organization_id, s.id FROM (
                SELECT organization_id, id FROM campaigns WHERE status = 'RUNNING' ORDER BY random()) c
              CROSS JOIN LATERAL (
                SELECT n.organization_id, n.id FROM notifications n
                WHERE n.organization_id = c.organization_id AND n.campaign_id = c.id
                  AND n.status IN ('QUEUED', 'RETRYING', 'SENDING') AND n.next_attempt_at <= ?
                ORDER BY n.next_attempt_at LIMIT ? FOR UPDATE OF n SKIP LOCKED) s
              LIMIT ?
            )
            UPDATE notifications n SET status = 'SENDING', attempts = n.attempts + 1, next_attempt_at = ?,
                   updated_at = ?
            FROM (SELECT organization_id, id FROM alone UNION ALL SELECT organization_id, id FROM of_campaigns) due
            WHERE n.organization_id = due.organization_id AND n.id = due.id
            RETURNING n.*""", 7);

    /**
     * A batch's outcomes in one statement of a fixed shape (arrays, one per column): each row changes
     * only while it is still the claim that was made, and each row that changed gets its attempt, except
     * a held one (not tried: its campaign stopped running), which waits again without the attempt its
     * claim counted.
     */
    private static final PreparedSql RECORD = PreparedSql.ofSql("""
            WITH v AS (
              SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::int[], ?::varchar[], ?::timestamptz[], ?::timestamptz[],
                                   ?::text[], ?::text[], ?::boolean[])
                AS v(organization_id, id, attempts, status, next_attempt_at, at, error, provider_message_id, counted)
            ), recorded AS (
              UPDATE notifications n SET status = v.status, next_attempt_at = v.next_attempt_at, updated_at = v.at,
                     attempts = CASE WHEN v.counted THEN n.attempts ELSE n.attempts - 1 END,
                     last_error = coalesce(v.error, n.last_error),
                     provider_message_id = coalesce(v.provider_message_id, n.provider_message_id)
              FROM v
              WHERE n.organization_id = v.organization_id AND n.id = v.id AND n.status = 'SENDING'
                AND n.attempts = v.attempts
              RETURNING n.organization_id, n.id, v.attempts, v.at, v.status, v.error, v.provider_message_id, v.counted
            ), logged AS (
              INSERT INTO notification_attempts (organization_id, notification_id, number, at, result, error,
                                                 provider_message_id)
              SELECT organization_id, id, attempts, at, status, error, provider_message_id FROM recorded WHERE counted
            )
            SELECT id FROM recorded""", 9);

    private final DSLContext dsl;

    public JooqNotificationOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void enqueue(List<Notification> notifications) {
        insert(dsl, notifications);
    }

    /** Stores them, skipping those whose dedupe key the organisation has; answers how many were stored. */
    static int insert(DSLContext dsl, List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return 0;
        }
        var insert = dsl.insertInto(NOTIFICATIONS, NOTIFICATIONS.ORGANIZATION_ID, NOTIFICATIONS.ID,
                NOTIFICATIONS.ALERT_ID, NOTIFICATIONS.DEDUPE_KEY, NOTIFICATIONS.CHANNEL, NOTIFICATIONS.RECIPIENT,
                NOTIFICATIONS.MESSAGE, NOTIFICATIONS.STATUS, NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.MAX_ATTEMPTS,
                NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.NEXT_ATTEMPT_AT, NOTIFICATIONS.UPDATED_AT,
                NOTIFICATIONS.OUTBOUND, NOTIFICATIONS.CAMPAIGN_ID);
        for (Notification n : notifications) {
            insert = insert.values(n.organizationId().value(), n.id(), n.alertId().orElse(null), n.dedupeKey(),
                    n.channel().name(), n.recipient(), NotificationJson.message(n.message()), n.status().name(),
                    n.attempts(), n.maxAttempts(), Times.toDb(n.createdAt()), Times.toDb(n.nextAttemptAt()),
                    Times.toDb(n.createdAt()), n.outbound().map(OutboundJson::write).orElse(null),
                    n.outbound().flatMap(OutboundMessage::campaignId).map(CampaignId::value).orElse(null));
        }
        return insert.onConflict(NOTIFICATIONS.ORGANIZATION_ID, NOTIFICATIONS.DEDUPE_KEY).doNothing().execute();
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant claimUntil, int limit) {
        return claimDue(now, claimUntil, limit, 0);
    }

    @Override
    public List<Notification> claimDue(Instant now, Instant claimUntil, int limit, int campaignLimit) {
        OffsetDateTime at = Times.toDb(now);
        return CLAIM_DUE.fetch(dsl, NOTIFICATIONS, at, limit, at, campaignLimit, campaignLimit,
                Times.toDb(claimUntil), at).map(r -> toDomain(r, List.of()));
    }

    @Override
    public Set<UUID> recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Set.of();
        }
        int n = outcomes.size();
        UUID[] organizations = new UUID[n];
        UUID[] ids = new UUID[n];
        Integer[] attempts = new Integer[n];
        String[] statuses = new String[n];
        OffsetDateTime[] nextAttempts = new OffsetDateTime[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] errors = new String[n];
        String[] providerIds = new String[n];
        Boolean[] counted = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            organizations[i] = o.claimed().organizationId().value();
            ids[i] = o.claimed().id();
            attempts[i] = o.claimed().attempts();
            statuses[i] = o.status().name();
            nextAttempts[i] = Times.toDb(o.nextAttemptAt());
            times[i] = Times.toDb(o.at());
            errors[i] = o.error().orElse(null);
            providerIds[i] = o.providerMessageId().orElse(null);
            counted[i] = o.counted();
        }
        return new HashSet<>(RECORD.fetchColumn(dsl, UUID.class, organizations, ids, attempts, statuses, nextAttempts,
                times, errors, providerIds, counted));
    }

    @Override
    public Optional<Notification> findByDedupeKey(OrganizationId organizationId, String dedupeKey) {
        return shown().where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()))
                .and(NOTIFICATIONS.DEDUPE_KEY.eq(dedupeKey)).fetchOptional().map(r -> toDomain(shown(r), List.of()));
    }

    @Override
    public Optional<Notification> find(OrganizationId organizationId, UUID id) {
        return shown().where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()))
                .and(NOTIFICATIONS.ID.eq(id)).fetchOptional()
                .map(r -> toDomain(shown(r), attempts(organizationId, id)));
    }

    @Override
    public Optional<OrganizationId> ownerOf(UUID id) {
        return dsl.select(NOTIFICATIONS.ORGANIZATION_ID).from(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id))
                .fetchOptional(NOTIFICATIONS.ORGANIZATION_ID).map(OrganizationId::new);
    }

    @Override
    public Page<Notification> list(Filter filter, PageRequest page) {
        List<Condition> conditions = new ArrayList<>();
        filter.organizationId().ifPresent(org -> conditions.add(NOTIFICATIONS.ORGANIZATION_ID.eq(org.value())));
        filter.status().ifPresent(status -> conditions.add(CampaignSendSql.shown(status)));
        filter.channel().ifPresent(channel -> conditions.add(NOTIFICATIONS.CHANNEL.eq(channel.name())));
        Condition where = DSL.and(conditions);
        return new Page<>(shown().where(where)
                .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID)
                .limit(page.size()).offset(page.offset()).fetch().map(r -> toDomain(shown(r), List.of())),
                page.page(), page.size(), dsl.fetchCount(CampaignSendSql.WITH_CAMPAIGN, where));
    }

    @Override
    public List<ChannelHealth> health(OrganizationId organizationId) {
        Map<ChannelKind, long[]> counts = new EnumMap<>(ChannelKind.class);
        dsl.select(NOTIFICATIONS.CHANNEL, DSL.count().filterWhere(NOTIFICATIONS.STATUS.in(UNSETTLED)),
                        DSL.count().filterWhere(NOTIFICATIONS.STATUS.in("DEAD", "FAILED")))
                .from(NOTIFICATIONS).where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()))
                .groupBy(NOTIFICATIONS.CHANNEL).fetch()
                .forEach(r -> counts.put(ChannelKind.valueOf(r.value1()), new long[] {r.value2(), r.value3()}));
        // Successes and failures are read from the tries: a notification sent on its second try failed once.
        var tries = NOTIFICATION_ATTEMPTS.join(NOTIFICATIONS).on(
                NOTIFICATIONS.ORGANIZATION_ID.eq(NOTIFICATION_ATTEMPTS.ORGANIZATION_ID),
                NOTIFICATIONS.ID.eq(NOTIFICATION_ATTEMPTS.NOTIFICATION_ID));
        var sent = NOTIFICATION_ATTEMPTS.RESULT.eq(NotificationStatus.SENT.name());
        // A send Warden skipped by its own rule (an opt-out, a cancelled campaign) says nothing about the channel.
        var failed = NOTIFICATION_ATTEMPTS.RESULT.notIn(NotificationStatus.SENT.name(),
                NotificationStatus.SKIPPED.name());
        Map<ChannelKind, Instant[]> times = new EnumMap<>(ChannelKind.class);
        dsl.select(NOTIFICATIONS.CHANNEL, DSL.max(NOTIFICATION_ATTEMPTS.AT).filterWhere(sent),
                        DSL.max(NOTIFICATION_ATTEMPTS.AT).filterWhere(failed))
                .from(tries).where(NOTIFICATION_ATTEMPTS.ORGANIZATION_ID.eq(organizationId.value()))
                .groupBy(NOTIFICATIONS.CHANNEL).fetch()
                .forEach(r -> times.put(ChannelKind.valueOf(r.value1()),
                        new Instant[] {Times.fromDb(r.value2()), Times.fromDb(r.value3())}));
        List<ChannelHealth> health = new ArrayList<>();
        for (ChannelKind kind : ChannelKind.values()) {
            long[] count = counts.getOrDefault(kind, new long[2]);
            Instant[] at = times.getOrDefault(kind, new Instant[2]);
            Optional<String> lastError = at[1] == null ? Optional.empty()
                    : Optional.ofNullable(dsl.select(NOTIFICATION_ATTEMPTS.ERROR).from(tries)
                            .where(NOTIFICATION_ATTEMPTS.ORGANIZATION_ID.eq(organizationId.value()),
                                    NOTIFICATIONS.CHANNEL.eq(kind.name()), failed)
                            .orderBy(NOTIFICATION_ATTEMPTS.AT.desc(), NOTIFICATION_ATTEMPTS.SEQ.desc()).limit(1)
                            .fetchOne(NOTIFICATION_ATTEMPTS.ERROR));
            health.add(new ChannelHealth(kind, Optional.ofNullable(at[0]), Optional.ofNullable(at[1]), lastError,
                    count[0], count[1]));
        }
        return health;
    }

    @Override
    public boolean replay(OrganizationId organizationId, UUID id, Instant now, int moreAttempts) {
        return dsl.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.QUEUED.name())
                .set(NOTIFICATIONS.MAX_ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(moreAttempts))
                .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, Times.toDb(now))
                .set(NOTIFICATIONS.UPDATED_AT, Times.toDb(now))
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value())).and(NOTIFICATIONS.ID.eq(id))
                .and(NOTIFICATIONS.STATUS.in("DEAD", "FAILED"))
                .execute() == 1;
    }

    @Override
    public int purgeSent(Instant sentBefore, int limit) {
        // The alert's state is read in the same statement: an OPEN alert's notices keep their dedupe keys.
        var openAlert = DSL.selectOne().from(ALERTS).where(ALERTS.ORGANIZATION_ID.eq(NOTIFICATIONS.ORGANIZATION_ID),
                ALERTS.ID.eq(NOTIFICATIONS.ALERT_ID), ALERTS.STATE.eq("OPEN"));
        // So does an open campaign's: its sends keep their dedupe keys, or a recipient added again would get a second.
        var openCampaign = DSL.selectOne().from(CAMPAIGNS).where(
                CAMPAIGNS.ORGANIZATION_ID.eq(NOTIFICATIONS.ORGANIZATION_ID), CAMPAIGNS.ID.eq(NOTIFICATIONS.CAMPAIGN_ID),
                CAMPAIGNS.STATUS.notIn(CampaignStatus.COMPLETED.name(), CampaignStatus.CANCELLED.name()));
        var oldest = DSL.select(NOTIFICATIONS.ORGANIZATION_ID, NOTIFICATIONS.ID).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.STATUS.eq(NotificationStatus.SENT.name()),
                        NOTIFICATIONS.UPDATED_AT.lt(Times.toDb(sentBefore)), DSL.notExists(openAlert),
                        DSL.notExists(openCampaign))
                .orderBy(NOTIFICATIONS.UPDATED_AT).limit(limit);
        var purged = dsl.deleteFrom(NOTIFICATIONS)
                .where(DSL.row(NOTIFICATIONS.ORGANIZATION_ID, NOTIFICATIONS.ID).in(oldest))
                .returningResult(NOTIFICATIONS.ORGANIZATION_ID, LastSendFold.TEMPLATE_ID, NOTIFICATIONS.UPDATED_AT)
                .fetch();
        LastSendFold.fold(dsl, purged);
        return purged.size();
    }

    /** Notifications as a person sees them: a waiting send of a campaign that is not running is HELD. */
    private org.jooq.SelectJoinStep<org.jooq.Record> shown() {
        return dsl.select(NOTIFICATIONS.fields()).select(CampaignSendSql.SHOWN_STATUS)
                .from(CampaignSendSql.WITH_CAMPAIGN);
    }

    private static NotificationsRecord shown(org.jooq.Record r) {
        NotificationsRecord notification = r.into(NOTIFICATIONS);
        notification.setStatus(r.get(CampaignSendSql.SHOWN_STATUS));
        return notification;
    }

    private List<Notification.Attempt> attempts(OrganizationId organizationId, UUID id) {
        return dsl.selectFrom(NOTIFICATION_ATTEMPTS)
                .where(NOTIFICATION_ATTEMPTS.ORGANIZATION_ID.eq(organizationId.value()))
                .and(NOTIFICATION_ATTEMPTS.NOTIFICATION_ID.eq(id)).orderBy(NOTIFICATION_ATTEMPTS.SEQ).fetch()
                .map(r -> new Notification.Attempt(r.getNumber(), Times.fromDb(r.getAt()),
                        NotificationStatus.valueOf(r.getResult()), Optional.ofNullable(r.getError()),
                        Optional.ofNullable(r.getProviderMessageId())));
    }

    private static Notification toDomain(NotificationsRecord r, List<Notification.Attempt> attempts) {
        return new Notification(r.getId(), new OrganizationId(r.getOrganizationId()),
                Optional.ofNullable(r.getAlertId()), r.getDedupeKey(), ChannelKind.valueOf(r.getChannel()),
                r.getRecipient(), NotificationJson.message(r.getMessage()), NotificationStatus.valueOf(r.getStatus()),
                r.getAttempts(), r.getMaxAttempts(), Times.fromDb(r.getCreatedAt()),
                Times.fromDb(r.getNextAttemptAt()), Optional.ofNullable(r.getLastError()),
                Optional.ofNullable(r.getProviderMessageId()), attempts, OutboundJson.read(r.getOutbound()));
    }
}
