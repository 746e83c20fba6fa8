package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.ReleasePortfolioPacingUseCase;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.CircuitBreaker;
import dev.warden.application.service.GovernancePorts;
import dev.warden.application.service.ReleasePortfolioPacingService;
import dev.warden.application.service.TemplateRefusals;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Creates the circuit breaker the send path calls when Meta refuses a template as paused or disabled,
 * and the person's release of portfolio pacing (docs/adr/0018).
 */
@Factory
class PacingFactory {

    @Singleton
    TemplateRefusals circuitBreaker(GovernancePorts governance, MetaTemplateCatalog catalog, Alerting alerting,
                                    UnitOfWork unitOfWork, DomainEventPublisher publisher, ServerLog log, Clock clock) {
        return new CircuitBreaker(governance, catalog, alerting, unitOfWork, publisher, log, clock);
    }

    @Singleton
    ReleasePortfolioPacingUseCase releasePortfolioPacing(WhatsAppAccountRepository accounts,
                                                         CampaignRepository campaigns, Alerting alerting,
                                                         UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                                         AuditTrail audit, Clock clock) {
        return new ReleasePortfolioPacingService(accounts, campaigns, alerting, unitOfWork, publisher, audit, clock);
    }
}
