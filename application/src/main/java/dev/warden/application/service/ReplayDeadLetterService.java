package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use case implementation: put a dead change back in the inbox with a fresh attempt count. When its WABA
 * has no other dead letter, the WABA's {@code WEBHOOK_DEAD_LETTER} alert resolves (under the WABA's owner,
 * and the installation's, where it was raised before the WABA was registered); a replay that fails again
 * raises it anew.
 */
public final class ReplayDeadLetterService implements ReplayDeadLetterUseCase {

    private final WebhookInbox inbox;
    private final WhatsAppAccountRepository accounts;
    private final Alerting alerting;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final Clock clock;
    private final AdminAudit audit;

    public ReplayDeadLetterService(WebhookInbox inbox, WhatsAppAccountRepository accounts, Alerting alerting,
                                   UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                   Clock clock) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.alerting = alerting;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.clock = clock;
        this.audit = new AdminAudit(audit, clock);
    }

    @Override
    public void replay(Actor actor, long changeId) {
        actor.requireSuperAdmin();
        Instant now = clock.instant();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> inbox.replay(changeId, now).map(replayed -> {
            audit.record(actor, PlatformOrganization.ID, AuditAction.DEAD_LETTER_REPLAYED,
                    AuditResource.of(AuditResource.Kind.DEAD_LETTER, changeId), Map.of("state", "DEAD"),
                    Map.of("state", "PENDING"));
            return replayed.othersDead() ? List.<DomainEvent>of() : resolveAlert(replayed.wabaId(), now);
        })).orElseThrow(() -> new NotFound("dead letter", changeId));
        publisher.publish(events);
    }

    private List<DomainEvent> resolveAlert(Optional<String> wabaId, Instant now) {
        Set<OrganizationId> owners = new LinkedHashSet<>();
        // A dead letter may name a WABA id no account could have (that may be why it died): no owner then.
        wabaId.flatMap(WabaId::parse).flatMap(accounts::findByWabaId).map(WhatsAppAccount::organizationId)
                .ifPresent(owners::add);
        owners.add(PlatformOrganization.ID);
        AlertSubject subject = AlertSubject.waba(DeadLetters.subjectOf(wabaId.orElse(null)));
        List<DomainEvent> events = new ArrayList<>();
        owners.forEach(owner -> alerting.resolve(owner, subject, AlertType.WEBHOOK_DEAD_LETTER, now)
                .ifPresent(events::add));
        return events;
    }
}
