package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.AddCampaignRecipientsUseCase;
import dev.warden.application.port.in.CancelCampaignUseCase;
import dev.warden.application.port.in.CompleteCampaignUseCase;
import dev.warden.application.port.in.SweepCancelledSendsUseCase;
import dev.warden.application.port.in.GetCampaignProgressUseCase;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.application.service.AddCampaignRecipientsService;
import dev.warden.application.service.CampaignDispatch;
import dev.warden.application.service.CancelCampaignService;
import dev.warden.application.service.CompleteCampaignService;
import dev.warden.application.service.SweepCancelledSendsService;
import dev.warden.application.service.FallbackUseAlert;
import dev.warden.application.service.GetCampaignProgressService;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.TemplateRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the campaign-send use cases and the dispatcher's campaign path, with the campaign rate (docs/adr/0016). */
@Factory
class CampaignSendingFactory {

    @Singleton
    AddCampaignRecipientsUseCase addCampaignRecipients(CampaignRepository campaigns, TemplateRepository templates,
                                                       CampaignSends sends, WabaPhoneNumbers numbers,
                                                       RetryPolicy retryPolicy, UnitOfWork unitOfWork, Clock clock) {
        return new AddCampaignRecipientsService(campaigns, templates, sends, numbers, retryPolicy, unitOfWork, clock);
    }

    @Singleton
    CancelCampaignUseCase cancelCampaign(CampaignRepository campaigns, CampaignSends sends, UnitOfWork unitOfWork,
                                         DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new CancelCampaignService(campaigns, sends, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    CompleteCampaignUseCase completeCampaign(CampaignRepository campaigns, CampaignSends sends, UnitOfWork unitOfWork,
                                             DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new CompleteCampaignService(campaigns, sends, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    SweepCancelledSendsUseCase sweepCancelledSends(CampaignSends sends, UnitOfWork unitOfWork, Clock clock) {
        return new SweepCancelledSendsService(sends, unitOfWork, clock);
    }

    @Singleton
    GetCampaignProgressUseCase campaignProgress(CampaignSends sends, UnitOfWork unitOfWork) {
        return new GetCampaignProgressService(sends, unitOfWork);
    }

    @Singleton
    CampaignDispatch campaignDispatch(CampaignSends sends, SendBlockRepository blocks, TemplateRepository templates,
                                      UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher,
                                      ServerLog log, Clock clock,
                                      @Value("${warden.campaigns.sends-per-second:20}") double sendsPerSecond) {
        return new CampaignDispatch(sends, blocks, templates,
                new FallbackUseAlert(unitOfWork, alerting, publisher, log, clock), unitOfWork, clock, sendsPerSecond);
    }
}
