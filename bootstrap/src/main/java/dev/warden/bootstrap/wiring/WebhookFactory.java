package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.ListDeadLettersUseCase;
import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.PurgeWebhookInboxUseCase;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.in.RequeueUnroutableUseCase;
import dev.warden.application.port.in.SweepUnroutableUseCase;
import dev.warden.application.port.out.DeadLetterLog;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.port.out.WebhookMetrics;
import dev.warden.application.service.ConversationWindows;
import dev.warden.application.service.MessageSends;
import dev.warden.application.service.InboxRetryPolicy;
import dev.warden.application.service.ListDeadLettersService;
import dev.warden.application.service.ProcessWebhookChangeService;
import dev.warden.application.service.PurgeWebhookInboxService;
import dev.warden.application.service.ReceiveWebhookService;
import dev.warden.application.service.ReplayDeadLetterService;
import dev.warden.application.service.RequeueUnroutableService;
import dev.warden.application.service.SweepUnroutableService;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.application.service.GovernancePorts;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.governance.AutoPausePolicy;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersionRepository;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.SendDeliveryRepository;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Creates the webhook pipeline's use cases: receive, process, dead letters, retention. */
@Factory
class WebhookFactory {

    /** Also the {@link dev.warden.application.port.in.WebhookIntakeLoad} the inbox workers give way to. */
    @Singleton
    ReceiveWebhookService receiveWebhook(WebhookEnvelopeReader envelopes, DeliveryStore deliveries,
                                         WebhookMetrics metrics, Clock clock) {
        return new ReceiveWebhookService(envelopes, deliveries, metrics, clock);
    }

    @Singleton
    ProcessWebhookChangeUseCase processWebhookChange(WebhookInbox inbox, WhatsAppAccountRepository accounts,
                                                     MetaChangeTranslator translator, GovernancePorts governance,
                                                     CustomerServiceWindowRepository windows,
                                                     SendBlockRepository blocks, ContactLinkRepository links,
                                                     SendDeliveryRepository deliveries, MessageSends lessons,
                                                     UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                                     DeadLetterLog deadLetterLog, WebhookMetrics metrics,
                                                     Clock clock) {
        return new ProcessWebhookChangeService(inbox, accounts, translator, governance,
                new ConversationWindows(windows, blocks, links, deliveries, lessons, clock), unitOfWork, publisher, InboxRetryPolicy.DEFAULT, deadLetterLog,
                metrics, clock);
    }

    @Singleton
    GovernancePorts governancePorts(TemplateRepository templates, TemplateHistory history,
                                    TemplateVersionRepository versions, QualityHistory quality,
                                    CampaignRepository campaigns, AlertRepository alerts,
                                    OrganizationRepository organizations, AutoPausePolicy autoPausePolicy,
                                    AlertNotices notices) {
        return new GovernancePorts(templates, history, versions, quality, campaigns, alerts, organizations,
                autoPausePolicy, notices);
    }

    @Singleton
    PurgeWebhookInboxUseCase purgeWebhookInbox(WebhookInbox inbox, UnitOfWork unitOfWork,
                                               @Value("${warden.inbox.retention.period:30d}") Duration retention,
                                               Clock clock) {
        return new PurgeWebhookInboxService(inbox, unitOfWork, retention, clock);
    }

    @Singleton
    ListDeadLettersUseCase listDeadLetters(WebhookInbox inbox, UnitOfWork unitOfWork) {
        return new ListDeadLettersService(inbox, unitOfWork);
    }

    @Singleton
    SweepUnroutableUseCase sweepUnroutable(WebhookInbox inbox, WhatsAppAccountRepository accounts, Alerting alerting,
                                           UnitOfWork unitOfWork, Clock clock) {
        return new SweepUnroutableService(inbox, accounts, alerting, unitOfWork, clock);
    }

    @Singleton
    RequeueUnroutableUseCase requeueUnroutable(WebhookInbox inbox, Alerting alerting, UnitOfWork unitOfWork,
                                               AuditTrail audit, Clock clock) {
        return new RequeueUnroutableService(inbox, alerting, unitOfWork, audit, clock);
    }

    @Singleton
    ReplayDeadLetterUseCase replayDeadLetter(WebhookInbox inbox, WhatsAppAccountRepository accounts,
                                             Alerting alerting, UnitOfWork unitOfWork,
                                             DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new ReplayDeadLetterService(inbox, accounts, alerting, unitOfWork, publisher, audit, clock);
    }
}
