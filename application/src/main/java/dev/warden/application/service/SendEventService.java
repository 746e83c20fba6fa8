package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.EventMappingNotFound;
import dev.warden.application.port.in.SendAccepted;
import dev.warden.application.port.in.SendEventCommand;
import dev.warden.application.port.in.SendEventUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.sending.EventMapping;
import dev.warden.domain.sending.EventMappingRepository;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case implementation: a transactional send. In one transaction: a key seen before answers the
 * earlier send (whatever changed since); otherwise the mapping picks the template, which must be
 * sendable, the values are checked with the domain's own rule ({@link TemplateContent#render}), the
 * block lists are read, and the send is inserted with its key as the dedupe key ({@code ON CONFLICT
 * DO NOTHING}) and read back. Two concurrent calls with one key both insert; the second waits on the
 * unique key, inserts nothing, and reads the first one's row: one send either way (docs/adr/0014).
 */
public final class SendEventService implements SendEventUseCase {

    private final EventMappingRepository mappings;
    private final TemplateRepository templates;
    private final SendBlockRepository blocks;
    private final NotificationOutbox outbox;
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendEventService(EventMappingRepository mappings, TemplateRepository templates, SendBlockRepository blocks,
                            NotificationOutbox outbox, RetryPolicy retryPolicy, UnitOfWork unitOfWork, Clock clock) {
        this.mappings = mappings;
        this.templates = templates;
        this.blocks = blocks;
        this.outbox = outbox;
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The dedupe key of an event's send: its own prefix, so it never meets an alert notice's key. */
    static String dedupeKey(String idempotencyKey) {
        return "event:" + idempotencyKey;
    }

    @Override
    public SendAccepted send(Actor actor, SendEventCommand command) {
        OrganizationId scope = actor.organizationFor(command.organizationId());
        actor.requireWrite(scope);
        String key = dedupeKey(command.idempotencyKey());
        return unitOfWork.inTransaction(() -> {
            Optional<Notification> earlier = outbox.findByDedupeKey(scope, key);
            if (earlier.isPresent()) {
                return new SendAccepted(earlier.get().id(), earlier.get().status(), false);
            }
            EventMapping mapping = mappings.find(scope, command.type())
                    .orElseThrow(() -> new EventMappingNotFound(command.type()));
            TemplateSnapshot template = template(scope, mapping, command);
            OutboundMessage message = message(mapping, template, command);
            Instant now = clock.instant();
            SendChecks.requireNotBlocked(blocks, scope, message, now);
            Notification queued = Notification.send(scope, key, message,
                    retryPolicy.maxAttempts(ChannelKind.WHATSAPP), now);
            outbox.enqueue(List.of(queued));
            Notification stored = outbox.findByDedupeKey(scope, key).orElseThrow();
            return new SendAccepted(stored.id(), stored.status(), stored.id().equals(queued.id()));
        });
    }

    /** The mapped template, or its sibling in the language asked for; sendable, with known content. */
    private TemplateSnapshot template(OrganizationId scope, EventMapping mapping, SendEventCommand command) {
        TemplateSnapshot mapped = templates.findById(scope, mapping.templateId())
                .orElseThrow(() -> new TemplateNotFound(mapping.templateId())).snapshot();
        TemplateSnapshot template = command.language().filter(language -> !language.equals(mapped.language()))
                .map(language -> templates.findByName(scope, mapped.wabaId(), mapped.name(), language).stream()
                        .max(Comparator.comparing(TemplateSnapshot::updatedAt))
                        .orElseThrow(() -> new InvalidValue("language: template " + mapped.name() + " has no "
                                + language + " version in WABA " + mapped.wabaId())))
                .orElse(mapped);
        if (!template.sendable()) {
            throw new TemplateNotSendable(template.id(), template.status());
        }
        return template;
    }

    private static OutboundMessage message(EventMapping mapping, TemplateSnapshot template, SendEventCommand command) {
        TemplateContent content = template.content().orElseThrow(() -> new DomainException("template "
                + template.id() + " has no known content yet, so its variables cannot be checked; reconciliation"
                + " with Meta will bring it"));
        // The domain's rule: every variable given, none extra, none malformed; throws naming each one.
        content.render(Map.of(), command.params(), Map.of());
        if (template.category() == TemplateCategory.AUTHENTICATION && !command.to().isPhone()) {
            throw new InvalidValue("to: an AUTHENTICATION template needs the recipient's phone number; Meta does not"
                    + " send one-time passwords to a business-scoped user id");
        }
        List<String> names = content.parameters().getOrDefault("BODY", List.of());
        if (content.parameterFormat() == ParameterFormat.POSITIONAL) {
            names = names.stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
        List<OutboundMessage.Parameter> body = names.stream()
                .map(name -> new OutboundMessage.Parameter(name, command.params().get(name))).toList();
        OutboundMessage.TemplateRef ref = new OutboundMessage.TemplateRef(template.id(), template.name().value(),
                template.language().value(), template.category(), content.parameterFormat());
        return OutboundMessage.template(mapping.provider(), template.wabaId(), mapping.phoneNumberId(), command.to(),
                ref, List.of(), body, Optional.of(command.type()));
    }
}
