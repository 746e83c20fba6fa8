package dev.warden.application.service;

import dev.warden.application.port.in.DispatchNotificationsUseCase;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Use case implementation: claim due notifications (one short transaction), deliver each through
 * its channel with no transaction open, then record every outcome (a second short transaction). A
 * dispatcher that dies between the send and the record leaves its claim to expire: the
 * notification is sent again under the same id (at-least-once; the id makes the repeat
 * recognisable). A channel that refuses for good, or a notification that runs out of attempts,
 * raises an alert about the channel, which the other channels carry.
 */
public final class DispatchNotificationsService implements DispatchNotificationsUseCase {

    private final NotificationOutbox outbox;
    private final Map<ChannelKind, NotificationChannel> channels = new EnumMap<>(ChannelKind.class);
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final Alerting alerting;
    private final DomainEventPublisher publisher;
    private final Clock clock;
    private final Duration claimTimeout;
    private final int batchSize;

    public DispatchNotificationsService(NotificationOutbox outbox, List<NotificationChannel> channels,
                                        RetryPolicy retryPolicy, UnitOfWork unitOfWork, Alerting alerting,
                                        DomainEventPublisher publisher, Clock clock, Duration claimTimeout,
                                        int batchSize) {
        this.outbox = outbox;
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.alerting = alerting;
        this.publisher = publisher;
        this.clock = clock;
        this.claimTimeout = claimTimeout;
        this.batchSize = batchSize;
    }

    @Override
    public int dispatchNext() {
        Instant claimedAt = clock.instant();
        List<Notification> claimed = unitOfWork.inTransaction(
                () -> outbox.claimDue(claimedAt, claimedAt.plus(claimTimeout), batchSize));
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Tried> tried = new ArrayList<>();
        for (Notification notification : claimed) {
            tried.add(new Tried(notification, deliver(notification), clock.instant()));
        }
        List<NotificationOutbox.Outcome> outcomes = tried.stream().map(this::outcome).toList();
        // One transaction, set-based: recording row by row was what bounded the throughput (docs/benchmarks.md).
        Set<UUID> recorded = unitOfWork.inTransaction(() -> outbox.recordAll(outcomes));
        for (int i = 0; i < tried.size(); i++) {
            if (recorded.contains(tried.get(i).notification().id()) && reportsChannel(tried.get(i), outcomes.get(i))) {
                raiseChannelAlert(tried.get(i));
            }
        }
        return claimed.size();
    }

    private record Tried(Notification notification, DeliveryOutcome outcome, Instant at) {
    }

    private DeliveryOutcome deliver(Notification notification) {
        NotificationChannel channel = channels.get(notification.channel());
        if (channel == null) {
            return new DeliveryOutcome.Permanent("no " + notification.channel() + " channel is configured", true);
        }
        try {
            return channel.deliver(notification);
        } catch (RuntimeException e) {
            // A channel sorts what it knows; anything else (a defect, an odd network failure) may pass.
            return new DeliveryOutcome.Retryable(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Optional.empty());
        }
    }

    private NotificationOutbox.Outcome outcome(Tried tried) {
        Notification n = tried.notification();
        DeliveryOutcome outcome = tried.outcome();
        Optional<String> error = Optional.empty();
        Optional<String> providerId = Optional.empty();
        Instant next = tried.at();
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            providerId = sent.providerMessageId();
        } else if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            error = Optional.of(retryable.error());
            next = retryPolicy.nextAttemptAt(n.attempts(), tried.at(), retryable.notBefore().orElse(Duration.ZERO));
        } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            error = Optional.of(permanent.error());
        }
        return new NotificationOutbox.Outcome(n, n.after(outcome), tried.at(), error, providerId, next);
    }

    /** A refusal that says the channel cannot send, or a notification out of attempts. */
    private static boolean reportsChannel(Tried tried, NotificationOutbox.Outcome recorded) {
        boolean channelBroken = tried.outcome() instanceof DeliveryOutcome.Permanent p && p.channelBroken();
        return channelBroken || recorded.status() == NotificationStatus.DEAD;
    }

    /**
     * Raised in a transaction of its own: two dispatchers may report the same channel at once, and the
     * loser's unique-key violation must not undo the outcomes already recorded.
     */
    private void raiseChannelAlert(Tried tried) {
        Notification n = tried.notification();
        String why = tried.outcome() instanceof DeliveryOutcome.Permanent p ? p.error()
                : tried.outcome() instanceof DeliveryOutcome.Retryable r ? r.error() : "";
        try {
            DomainEvent raised = unitOfWork.inTransaction(() -> alerting.raise(n.organizationId(),
                    AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.HIGH,
                    new AlertSubject("CHANNEL", n.channel().name()),
                    n.channel() + " notifications are not getting through: " + why,
                    Map.of("channel", n.channel().name(), "notificationId", n.id().toString()), tried.at()));
            publisher.publish(List.of(raised));
        } catch (RuntimeException e) {
            // Another dispatcher raised (or repeated) the same alert at the same moment: it exists.
        }
    }
}
