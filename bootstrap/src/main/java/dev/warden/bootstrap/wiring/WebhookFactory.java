package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.ListDeadLettersUseCase;
import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.in.ReplayDeadLetterUseCase;
import dev.warden.application.port.out.DeliveryStore;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.application.service.ConversationWindows;
import dev.warden.application.service.InboxRetryPolicy;
import dev.warden.application.service.ListDeadLettersService;
import dev.warden.application.service.ProcessWebhookChangeService;
import dev.warden.application.service.ReceiveWebhookService;
import dev.warden.application.service.ReplayDeadLetterService;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the webhook pipeline's use cases: receive, process, dead letters. */
@Factory
class WebhookFactory {

    @Singleton
    ReceiveWebhookUseCase receiveWebhook(WebhookEnvelopeReader envelopes, DeliveryStore deliveries, Clock clock) {
        return new ReceiveWebhookService(envelopes, deliveries, clock);
    }

    @Singleton
    ProcessWebhookChangeUseCase processWebhookChange(WebhookInbox inbox, WhatsAppAccountRepository accounts,
                                                     MetaChangeTranslator translator, TemplateGovernor governor,
                                                     CustomerServiceWindowRepository windows, Alerting alerting,
                                                     UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                                     Clock clock) {
        return new ProcessWebhookChangeService(inbox, accounts, translator, governor, new ConversationWindows(windows),
                alerting, unitOfWork, publisher, InboxRetryPolicy.DEFAULT, clock);
    }

    @Singleton
    ListDeadLettersUseCase listDeadLetters(WebhookInbox inbox, UnitOfWork unitOfWork) {
        return new ListDeadLettersService(inbox, unitOfWork);
    }

    @Singleton
    ReplayDeadLetterUseCase replayDeadLetter(WebhookInbox inbox, UnitOfWork unitOfWork, Clock clock) {
        return new ReplayDeadLetterService(inbox, unitOfWork, clock);
    }
}
