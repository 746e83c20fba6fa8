package dev.warden.application.service;

import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert about a notification channel itself: raised when the channel cannot send, resolved when
 * it delivers again. Runs after a batch's outcomes are committed, never inside that transaction: a
 * failure here must not roll the outcomes back and have the batch sent again. Each raise and resolve
 * has a transaction of its own, tried twice: two dispatchers may report the same channel at once, and
 * the loser's unique-key violation or stale update is over on the second try (the alert exists, or
 * is resolved). What fails twice is logged; the channel's next failure or delivery tries again.
 */
final class ChannelAlerts {

    static final String SUBJECT_KIND = "CHANNEL";

    /** A channel in an organisation, as a batch reports it. */
    record Key(OrganizationId organizationId, ChannelKind channel) {
    }

    /** The channel cannot send: the notification that says so and why. */
    record Failure(Notification notification, String why, Instant at) {
    }

    private final UnitOfWork unitOfWork;
    private final Alerting alerting;
    private final DomainEventPublisher publisher;
    private final ServerLog log;

    ChannelAlerts(UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher, ServerLog log) {
        this.unitOfWork = unitOfWork;
        this.alerting = alerting;
        this.publisher = publisher;
        this.log = log;
    }

    /**
     * A batch's report, after its outcomes are committed: raises the alert of each failing channel,
     * and resolves that of each channel that delivered (and did not fail in the batch) if it has one.
     */
    void report(List<Failure> failing, Map<Key, Instant> delivered) {
        failing.forEach(this::failing);
        if (delivered.isEmpty()) {
            return;
        }
        // One read for the batch; resolving is rare, looking is every batch.
        List<Key> alerted = twice("look for the alerts of channels that delivered", () ->
                unitOfWork.inTransaction(() -> delivered.keySet().stream().filter(this::isFailing).toList()))
                .orElse(List.of());
        alerted.forEach(key -> delivering(key, delivered.get(key)));
    }

    private void failing(Failure failure) {
        Notification n = failure.notification();
        twice("raise the alert that " + n.channel() + " notifications fail in organisation " + n.organizationId().value(),
                () -> unitOfWork.inTransaction(() -> alerting.raise(n.organizationId(),
                        AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.HIGH, subject(n.channel()),
                        n.channel() + " notifications are not getting through: " + failure.why(),
                        Map.of("channel", n.channel().name(), "notificationId", n.id().toString()), failure.at())))
                .ifPresent(raised -> publisher.publish(List.of(raised)));
    }

    private boolean isFailing(Key key) {
        return alerting.isUnresolved(key.organizationId(), subject(key.channel()), AlertType.NOTIFICATION_CHANNEL_FAILING);
    }

    /** The channel delivered at {@code at}: resolves its alert unless the alert was raised (or repeated) since. */
    private void delivering(Key key, Instant at) {
        twice("resolve the alert that " + key.channel() + " notifications fail in organisation "
                        + key.organizationId().value(),
                () -> unitOfWork.inTransaction(() -> alerting.resolveRaisedBefore(key.organizationId(),
                        subject(key.channel()), AlertType.NOTIFICATION_CHANNEL_FAILING, at)))
                .flatMap(resolved -> resolved)
                .ifPresent(event -> publisher.publish(List.of(event)));
    }

    /** The work, tried again once if it throws; empty (and logged) if the second try throws too. */
    private <T> Optional<T> twice(String what, Supplier<T> work) {
        try {
            return Optional.of(work.get());
        } catch (RuntimeException first) {
            try {
                return Optional.of(work.get());
            } catch (RuntimeException second) {
                log.warning("Could not " + what + " (tried twice; the channel's next outcome tries again)", second);
                return Optional.empty();
            }
        }
    }

    private static AlertSubject subject(ChannelKind channel) {
        return new AlertSubject(SUBJECT_KIND, channel.name());
    }
}
