package dev.warden.application.service;

import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an alert people must hear of into one outbox notification per channel and recipient the
 * organisation routes its severity to, in the transaction that raised the alert. The dedupe key
 * names the alert, why it is told and to whom, so a retried transaction or a second scheduler
 * stores each notification once.
 */
public final class OutboxAlertNotices implements AlertNotices {

    private final Function<OrganizationId, NotificationPreferences> routing;
    private final NotificationOutbox outbox;
    private final RetryPolicy retryPolicy;
    private final Clock clock;

    public OutboxAlertNotices(NotificationPreferencesStore preferences, NotificationOutbox outbox,
                              RetryPolicy retryPolicy, Clock clock) {
        this(organization -> preferences.find(organization).orElseGet(() -> NotificationPreferences.none(organization)),
                outbox, retryPolicy, clock);
    }

    private OutboxAlertNotices(Function<OrganizationId, NotificationPreferences> routing, NotificationOutbox outbox,
                               RetryPolicy retryPolicy, Clock clock) {
        this.routing = routing;
        this.outbox = outbox;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
    }

    /** An inbox batch raises an alert for one template in four: each organisation's routing is read once. */
    @Override
    public AlertNotices forOneBatch() {
        Map<OrganizationId, NotificationPreferences> read = new HashMap<>();
        return new OutboxAlertNotices(organization -> read.computeIfAbsent(organization, routing), outbox, retryPolicy,
                clock);
    }

    @Override
    public void notice(AlertSnapshot alert, Reason reason) {
        NotificationPreferences routing = this.routing.apply(alert.organizationId());
        NotificationMessage message = NotificationMessage.about(alert, reason);
        Instant now = clock.instant();
        List<Notification> notifications = new ArrayList<>();
        for (ChannelKind channel : ChannelKind.values()) {
            if (!routing.channelsFor(alert.severity()).contains(channel) || aboutItself(alert, channel)) {
                continue;
            }
            for (String recipient : routing.recipients(channel)) {
                notifications.add(Notification.queue(alert.organizationId(), Optional.of(alert.id().value()),
                        dedupeKey(alert, reason, channel, recipient), channel, recipient, message,
                        retryPolicy.maxAttempts(channel), now));
            }
        }
        if (!notifications.isEmpty()) {
            outbox.enqueue(notifications);
        }
    }

    /** A channel that is failing is not told that it is failing: the other channels are. */
    private static boolean aboutItself(AlertSnapshot alert, ChannelKind channel) {
        return alert.type() == AlertType.NOTIFICATION_CHANNEL_FAILING && alert.subject().key().equals(channel.name());
    }

    private static String dedupeKey(AlertSnapshot alert, Reason reason, ChannelKind channel, String recipient) {
        String occasion = switch (reason) {
            case RAISED -> "RAISED";
            case ESCALATED -> "ESCALATED:" + alert.severity();
            case UNACKNOWLEDGED -> "UNACKNOWLEDGED:" + alert.count();
        };
        return alert.id() + ":" + occasion + ":" + channel + ":" + recipient;
    }
}
