package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ReleasePortfolioPacingUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignEvent;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Use case implementation: a person releases portfolio pacing for a WABA. Meta says nothing when pacing
 * ends, so only a person lifts the hold (ADR 0018); the campaigns' other holds stay.
 */
public final class ReleasePortfolioPacingService implements ReleasePortfolioPacingUseCase {

    private final WhatsAppAccountRepository accounts;
    private final CampaignRepository campaigns;
    private final Alerting alerting;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final AdminAudit audit;
    private final Clock clock;

    public ReleasePortfolioPacingService(WhatsAppAccountRepository accounts, CampaignRepository campaigns,
                                         Alerting alerting, UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                         AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.campaigns = campaigns;
        this.alerting = alerting;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.audit = new AdminAudit(audit, clock);
        this.clock = clock;
    }

    @Override
    public PacingReleased release(Actor actor, WabaId wabaId) {
        Instant now = clock.instant();
        Released released = unitOfWork.inTransaction(() -> {
            WhatsAppAccount account = accounts.findByWabaId(wabaId)
                    .filter(a -> actor.isSuperAdmin()
                            || actor.organizationId().filter(a.organizationId()::equals).isPresent())
                    .orElseThrow(() -> new NotFound("WhatsApp Business Account", wabaId));
            actor.requireWrite(account.organizationId());
            List<DomainEvent> events = new ArrayList<>(campaigns.releaseOnWaba(account.organizationId(), wabaId,
                    HoldCause.PORTFOLIO_PACING, actor.username(), now));
            int lifted = (int) events.stream().filter(CampaignEvent.HoldLifted.class::isInstance).count();
            int resumed = (int) events.stream().filter(CampaignEvent.Resumed.class::isInstance).count();
            boolean resolved = alerting.resolve(account.organizationId(), AlertSubject.waba(wabaId.value()),
                    AlertType.PORTFOLIO_PACING, now).map(events::add).isPresent();
            PacingReleased result = new PacingReleased(wabaId, lifted, resumed, resolved);
            audit.record(actor, account.organizationId(), AuditAction.PORTFOLIO_PACING_RELEASED,
                    AuditResource.of(AuditResource.Kind.WHATSAPP_ACCOUNT, wabaId.value()), Map.of(),
                    Map.of("campaignsReleased", Integer.toString(lifted), "campaignsResumed",
                            Integer.toString(resumed), "alertResolved", Boolean.toString(resolved)));
            return new Released(result, events);
        });
        publisher.publish(released.events());
        return released.result();
    }

    private record Released(PacingReleased result, List<DomainEvent> events) {
    }
}
