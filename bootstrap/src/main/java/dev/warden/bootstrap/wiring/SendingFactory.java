package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphHttp;
import dev.warden.adapters.meta.graph.GraphMessageSender;
import dev.warden.adapters.meta.graph.GraphPhoneNumbers;
import dev.warden.adapters.meta.graph.GraphSettings;
import dev.warden.adapters.notify.myoperator.MyOperatorMessageSender;
import dev.warden.adapters.notify.myoperator.MyOperatorSettings;
import dev.warden.adapters.persistence.JooqSendBlocks;
import dev.warden.application.port.in.DeleteEventMappingUseCase;
import dev.warden.application.port.in.EventMappingsUseCase;
import dev.warden.application.port.in.SaveEventMappingUseCase;
import dev.warden.application.port.in.SendEventUseCase;
import dev.warden.application.port.in.SendTextUseCase;
import dev.warden.application.port.out.MessageSender;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.application.service.DeleteEventMappingService;
import dev.warden.application.service.EventMappingsService;
import dev.warden.application.service.FallbackUseAlert;
import dev.warden.application.service.LinkedContactBlocks;
import dev.warden.application.service.MessageSends;
import dev.warden.application.service.SaveEventMappingService;
import dev.warden.application.service.SendEventService;
import dev.warden.application.service.SendTextService;
import dev.warden.application.service.TemplateRefusals;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the customer-send use cases (event mappings, transactional events, free-form texts) and
 * the dispatcher's send path, with a sender per provider the configuration enables: Meta's Cloud
 * API when WARDEN_META_ACCESS_TOKEN is set, MyOperator when WARDEN_MYOPERATOR_API_KEY is set. Sends
 * share the notification outbox, its retry policy and its workers (docs/adr/0014).
 */
@Factory
class SendingFactory {

    @Singleton
    EventMappingsUseCase eventMappings(EventMappingRepository mappings, UnitOfWork unitOfWork) {
        return new EventMappingsService(mappings, unitOfWork);
    }

    @Singleton
    WabaPhoneNumbers wabaPhoneNumbers(GraphHttp graph) {
        return new GraphPhoneNumbers(graph);
    }

    @Singleton
    SaveEventMappingUseCase saveEventMapping(EventMappingRepository mappings, TemplateRepository templates,
                                             WabaPhoneNumbers phoneNumbers, UnitOfWork unitOfWork, AuditTrail audit,
                                             Clock clock) {
        return new SaveEventMappingService(mappings, templates, phoneNumbers, unitOfWork, audit, clock);
    }

    @Singleton
    DeleteEventMappingUseCase deleteEventMapping(EventMappingRepository mappings, UnitOfWork unitOfWork,
                                                 AuditTrail audit, Clock clock) {
        return new DeleteEventMappingService(mappings, unitOfWork, audit, clock);
    }

    @Singleton
    SendEventUseCase sendEvent(EventMappingRepository mappings, TemplateRepository templates,
                               SendBlockRepository blocks, NotificationOutbox outbox, RetryPolicy retryPolicy,
                               UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher,
                               ServerLog log, Clock clock) {
        return new SendEventService(mappings, templates, blocks, outbox, retryPolicy, unitOfWork,
                new FallbackUseAlert(unitOfWork, alerting, publisher, log, clock), clock);
    }

    @Singleton
    SendTextUseCase sendText(WhatsAppAccountRepository accounts, CustomerServiceWindowRepository windows,
                             ContactLinkRepository links, SendBlockRepository blocks, WabaPhoneNumbers phoneNumbers,
                             NotificationOutbox outbox, RetryPolicy retryPolicy, UnitOfWork unitOfWork, Clock clock) {
        return new SendTextService(accounts, windows, links, blocks, phoneNumbers, outbox, retryPolicy, unitOfWork,
                clock);
    }

    /** The block lists every send check reads: through the contact links, so either identity finds a block. */
    @Singleton
    @Primary
    SendBlockRepository linkedBlocks(JooqSendBlocks blocks, ContactLinkRepository links) {
        return new LinkedContactBlocks(blocks, links);
    }

    @Singleton
    MessageSends messageSends(NotifySettings settings, GraphHttp graph, GraphSettings graphSettings,
                              SendBlockRepository blocks, CustomerServiceWindowRepository windows,
                              UnitOfWork unitOfWork, Alerting alerting, DomainEventPublisher publisher, ServerLog log,
                              Clock clock, TemplateRefusals circuitBreaker) {
        List<MessageSender> senders = new ArrayList<>();
        if (graphSettings.hasToken()) {
            senders.add(new GraphMessageSender(graph, settings.timeout()));
        }
        if (!settings.myOperatorApiKey().isBlank()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            senders.add(new MyOperatorMessageSender(http, new MyOperatorSettings(settings.myOperatorUrl(),
                    settings.myOperatorApiKey(), settings.myOperatorCompanyId(), settings.myOperatorPhoneNumberId(),
                    settings.myOperatorTemplate(), settings.myOperatorLanguage(), settings.dashboardUrl(),
                    settings.timeout())));
        }
        return new MessageSends(senders, blocks, windows, unitOfWork, alerting, publisher, log, clock,
                circuitBreaker);
    }
}
