package dev.warden.application.service;

import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert about a notification channel itself: raised when the channel cannot send, resolved when
 * it delivers again. Each runs in a transaction of its own: two dispatchers may report the same
 * channel at once, and the loser's unique-key violation or stale update must not undo the outcomes
 * already recorded.
 */
final class ChannelAlerts {

    static final String SUBJECT_KIND = "CHANNEL";

    private final UnitOfWork unitOfWork;
    private final Alerting alerting;
    private final DomainEventPublisher publisher;

    ChannelAlerts(UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher) {
        this.unitOfWork = unitOfWork;
        this.alerting = alerting;
        this.publisher = publisher;
    }

    void failing(Notification n, String why, Instant at) {
        try {
            DomainEvent raised = unitOfWork.inTransaction(() -> alerting.raise(n.organizationId(),
                    AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.HIGH, subject(n.channel()),
                    n.channel() + " notifications are not getting through: " + why,
                    Map.of("channel", n.channel().name(), "notificationId", n.id().toString()), at));
            publisher.publish(List.of(raised));
        } catch (RuntimeException e) {
            // Another dispatcher raised (or repeated) the same alert at the same moment: it exists.
        }
    }

    /** A read only, so it can share the recording transaction: resolving is rare, looking is every batch. */
    boolean isFailing(OrganizationId organizationId, ChannelKind channel) {
        return alerting.isUnresolved(organizationId, subject(channel), AlertType.NOTIFICATION_CHANNEL_FAILING);
    }

    /** The channel delivered at {@code at}: resolves its alert unless the alert was raised (or repeated) since. */
    void delivering(OrganizationId organizationId, ChannelKind channel, Instant at) {
        try {
            Optional<AlertEvent.Resolved> resolved = unitOfWork.inTransaction(() -> alerting.resolveRaisedBefore(
                    organizationId, subject(channel), AlertType.NOTIFICATION_CHANNEL_FAILING, at));
            resolved.ifPresent(event -> publisher.publish(List.of(event)));
        } catch (RuntimeException e) {
            // Another dispatcher resolved it at the same moment: it is resolved.
        }
    }

    private static AlertSubject subject(ChannelKind channel) {
        return new AlertSubject(SUBJECT_KIND, channel.name());
    }
}
