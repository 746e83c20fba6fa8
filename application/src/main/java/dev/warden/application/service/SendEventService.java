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
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Use case implementation: a transactional send. In one transaction: a key seen before answers the
 * earlier send (whatever changed since); otherwise the mapping picks the template, which must be
 * sendable, the values are checked with the domain's own rule ({@link TemplateMessages}), the
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
        return TemplateMessages.template(new Sender(mapping.provider(), mapping.phoneNumberId()), template,
                TemplateMessages.content(template), command.to(), command.params(), Optional.of(command.type()));
    }
}
