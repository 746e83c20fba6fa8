package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;
import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: a campaign's sends in the notification outbox (V19, docs/adr/0016). */
@Singleton
public final class JooqCampaignSends implements CampaignSends {

    private final DSLContext dsl;

    public JooqCampaignSends(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Sender> sender(OrganizationId organizationId, CampaignId campaignId) {
        return dsl.select(CAMPAIGNS.SEND_PROVIDER, CAMPAIGNS.SEND_PHONE_NUMBER_ID).from(CAMPAIGNS)
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(campaignId.value()),
                        CAMPAIGNS.SEND_PROVIDER.isNotNull())
                .fetchOptional(r -> new Sender(SendProvider.valueOf(r.value1()), Optional.ofNullable(r.value2())));
    }

    @Override
    public Optional<Sender> fixSender(OrganizationId organizationId, CampaignId campaignId, Sender sender) {
        // Every call writes the row, so it holds the campaign's row lock until its transaction ends: a concurrent
        // first call waits and then keeps the sender fixed by the other, and a cancel (which writes the campaign
        // before it drops its sends) waits for the sends added here, or, cancelled first, leaves no open row to
        // find. The revision moves too, so a complete that counted the sends before these were added finds its
        // copy stale and counts again.
        return dsl.update(CAMPAIGNS)
                .set(CAMPAIGNS.REVISION, CAMPAIGNS.REVISION.plus(1))
                .set(CAMPAIGNS.SEND_PROVIDER, DSL.coalesce(CAMPAIGNS.SEND_PROVIDER, DSL.val(sender.provider().name())))
                .set(CAMPAIGNS.SEND_PHONE_NUMBER_ID, DSL.when(CAMPAIGNS.SEND_PROVIDER.isNull(),
                        DSL.val(sender.phoneNumberId().orElse(null), CAMPAIGNS.SEND_PHONE_NUMBER_ID))
                        .otherwise(CAMPAIGNS.SEND_PHONE_NUMBER_ID))
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(campaignId.value()),
                        CAMPAIGNS.STATUS.notIn(CampaignStatus.COMPLETED.name(), CampaignStatus.CANCELLED.name()))
                .returning(CAMPAIGNS.SEND_PROVIDER, CAMPAIGNS.SEND_PHONE_NUMBER_ID)
                .fetchOptional()
                .map(r -> new Sender(SendProvider.valueOf(r.getSendProvider()),
                        Optional.ofNullable(r.getSendPhoneNumberId())));
    }

    @Override
    public int add(List<Notification> sends) {
        return JooqNotificationOutbox.insert(dsl, sends);
    }

    @Override
    public CampaignStatus statusOf(OrganizationId organizationId, CampaignId campaignId) {
        return CampaignStatus.valueOf(dsl.select(CAMPAIGNS.STATUS).from(CAMPAIGNS)
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(campaignId.value()))
                .fetchSingle(CAMPAIGNS.STATUS));
    }

    @Override
    public int dropWaiting(OrganizationId organizationId, CampaignId campaignId, String reason, Instant now) {
        OffsetDateTime at = Times.toDb(now);
        return dsl.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.SKIPPED.name())
                .set(NOTIFICATIONS.LAST_ERROR, reason)
                .set(NOTIFICATIONS.UPDATED_AT, at)
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()),
                        NOTIFICATIONS.CAMPAIGN_ID.eq(campaignId.value()),
                        NOTIFICATIONS.STATUS.in(NotificationStatus.QUEUED.name(), NotificationStatus.RETRYING.name())
                                .or(NOTIFICATIONS.STATUS.eq(NotificationStatus.SENDING.name())
                                        .and(NOTIFICATIONS.NEXT_ATTEMPT_AT.le(at))))
                .execute();
    }

    @Override
    public int dropWaitingOfCancelled(String reason, Instant now) {
        OffsetDateTime at = Times.toDb(now);
        // From the cancelled campaigns to their waiting sends through notifications_of_campaign (V19).
        return dsl.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.SKIPPED.name())
                .set(NOTIFICATIONS.LAST_ERROR, reason)
                .set(NOTIFICATIONS.UPDATED_AT, at)
                .from(CAMPAIGNS)
                .where(CAMPAIGNS.STATUS.eq(CampaignStatus.CANCELLED.name()),
                        NOTIFICATIONS.ORGANIZATION_ID.eq(CAMPAIGNS.ORGANIZATION_ID),
                        NOTIFICATIONS.CAMPAIGN_ID.eq(CAMPAIGNS.ID),
                        NOTIFICATIONS.STATUS.in(NotificationStatus.QUEUED.name(), NotificationStatus.RETRYING.name())
                                .or(NOTIFICATIONS.STATUS.eq(NotificationStatus.SENDING.name())
                                        .and(NOTIFICATIONS.NEXT_ATTEMPT_AT.le(at))))
                .execute();
    }

    @Override
    public Optional<TemplateId> fallbackOf(OrganizationId organizationId, CampaignId campaignId) {
        return dsl.select(CAMPAIGNS.FALLBACK_TEMPLATE_ID).from(CAMPAIGNS)
                .where(CAMPAIGNS.ORGANIZATION_ID.eq(organizationId.value()), CAMPAIGNS.ID.eq(campaignId.value()),
                        CAMPAIGNS.FALLBACK_TEMPLATE_ID.isNotNull())
                .fetchOptional(r -> new TemplateId(r.value1()));
    }

    @Override
    public void storeChoice(Notification send) {
        dsl.update(NOTIFICATIONS).set(NOTIFICATIONS.OUTBOUND, OutboundJson.write(send.outbound().orElseThrow()))
                .set(NOTIFICATIONS.MESSAGE, NotificationJson.message(send.message()))
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(send.organizationId().value()), NOTIFICATIONS.ID.eq(send.id()))
                .execute();
    }

    @Override
    public Map<CampaignId, CampaignProgress> progress(OrganizationId organizationId,
                                                      Collection<CampaignId> campaignIds) {
        Map<CampaignId, CampaignProgress> progress = new HashMap<>();
        campaignIds.forEach(id -> progress.put(id, CampaignProgress.NONE));
        dsl.select(NOTIFICATIONS.CAMPAIGN_ID,
                        count(NOTIFICATIONS.STATUS.eq(NotificationStatus.SENT.name())),
                        count(NOTIFICATIONS.STATUS.in(NotificationStatus.FAILED.name(), NotificationStatus.DEAD.name())),
                        count(CampaignSendSql.HELD),
                        count(CampaignSendSql.REMAINING),
                        count(NOTIFICATIONS.STATUS.eq(NotificationStatus.SKIPPED.name())))
                .from(CampaignSendSql.WITH_CAMPAIGN)
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId.value()),
                        NOTIFICATIONS.CAMPAIGN_ID.in(campaignIds.stream().map(CampaignId::value).toList()))
                .groupBy(NOTIFICATIONS.CAMPAIGN_ID)
                .fetch()
                .forEach(r -> progress.put(new CampaignId(r.value1()), new CampaignProgress(r.value2(), r.value3(),
                        r.value4(), r.value5(), r.value6())));
        return progress;
    }

    private static org.jooq.Field<Long> count(org.jooq.Condition condition) {
        return DSL.count().filterWhere(condition).cast(Long.class);
    }
}
