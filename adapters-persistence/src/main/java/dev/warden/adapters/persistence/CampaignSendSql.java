package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CAMPAIGNS;
import static dev.warden.adapters.persistence.jooq.Tables.NOTIFICATIONS;

import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.notification.NotificationStatus;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The one SQL statement of what HELD is (docs/adr/0016): a send of a campaign, waiting (QUEUED or
 * RETRYING), while its campaign is not RUNNING. Never stored, so pausing or resuming a campaign changes
 * none of its sends; read with the campaign joined ({@link #WITH_CAMPAIGN}). A send being sent (SENDING)
 * stays SENDING: its dispatcher re-checks the campaign before the call and puts it back if it stopped.
 */
final class CampaignSendSql {

    /** Notifications with their campaign, if any (a send of a campaign always has one: the foreign key). */
    static final Table<Record> WITH_CAMPAIGN = NOTIFICATIONS.leftJoin(CAMPAIGNS)
            .on(CAMPAIGNS.ORGANIZATION_ID.eq(NOTIFICATIONS.ORGANIZATION_ID), CAMPAIGNS.ID.eq(NOTIFICATIONS.CAMPAIGN_ID));

    private static final Condition WAITING = NOTIFICATIONS.STATUS.in(NotificationStatus.QUEUED.name(),
            NotificationStatus.RETRYING.name());

    private static final Condition RUNNING = CAMPAIGNS.STATUS.eq(CampaignStatus.RUNNING.name());

    /** Written so that it is true or false, never NULL, for a notification of no campaign too. */
    static final Condition HELD = WAITING.and(CAMPAIGNS.STATUS.isNotNull()).and(DSL.not(RUNNING));

    /** The status a person is shown: HELD, or the stored one. */
    static final Field<String> SHOWN_STATUS = DSL.when(HELD, DSL.inline(NotificationStatus.HELD.name()))
            .otherwise(NOTIFICATIONS.STATUS).as("shown_status");

    /** Waiting or being sent while the campaign runs: what is left to send. */
    static final Condition REMAINING = NOTIFICATIONS.STATUS.eq(NotificationStatus.SENDING.name())
            .or(WAITING.and(RUNNING));

    private CampaignSendSql() {
    }

    /** Notifications a person filtering by {@code status} means: HELD ones apart from the queued and retrying. */
    static Condition shown(NotificationStatus status) {
        if (status == NotificationStatus.HELD) {
            return HELD;
        }
        Condition stored = NOTIFICATIONS.STATUS.eq(status.name());
        return status == NotificationStatus.QUEUED || status == NotificationStatus.RETRYING
                ? stored.and(DSL.not(HELD)) : stored;
    }
}
