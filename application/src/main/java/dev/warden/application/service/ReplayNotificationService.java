package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.NotificationNotFound;
import dev.warden.application.port.in.ReplayNotificationUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case implementation: a super admin sends a DEAD or FAILED notification again, with fresh
 * attempts; recorded in the audit log of the notification's organisation.
 */
public final class ReplayNotificationService implements ReplayNotificationUseCase {

    private final NotificationOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final RetryPolicy retryPolicy;
    private final AdminAudit audit;
    private final Clock clock;

    public ReplayNotificationService(NotificationOutbox outbox, UnitOfWork unitOfWork, RetryPolicy retryPolicy,
                                     AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.retryPolicy = retryPolicy;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    @Override
    public Notification replay(Actor actor, Optional<OrganizationId> organizationId, UUID id) {
        actor.requireSuperAdmin();
        return unitOfWork.inTransaction(() -> {
            OrganizationId organization = Scopes.of(actor, organizationId, () -> outbox.ownerOf(id),
                    () -> new NotificationNotFound(id));
            Notification found = outbox.find(organization, id).orElseThrow(() -> new NotificationNotFound(id));
            if (!outbox.replay(organization, id, clock.instant(), retryPolicy.maxAttempts(found.channel()))) {
                throw new InvalidValue("notification " + id + " is " + found.status()
                        + "; only a DEAD or FAILED notification is replayed");
            }
            Notification replayed = outbox.find(organization, id).orElseThrow(() -> new NotificationNotFound(id));
            audit.record(actor, organization, AuditAction.NOTIFICATION_REPLAYED,
                    AuditResource.of(AuditResource.Kind.NOTIFICATION, id), facts(found), facts(replayed));
            return replayed;
        });
    }

    /** The recipient is left out: a Slack recipient is a credential, and the id names the notification. */
    private static Map<String, String> facts(Notification n) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("channel", n.channel().name());
        facts.put("status", n.status().name());
        facts.put("attempts", n.attempts() + " of " + n.maxAttempts());
        return facts;
    }
}
