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
import dev.warden.domain.sending.TemplateChoice;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
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
 * sendable (or its fallback stands in, recorded on the send and told by an alert after the commit), the
 * values are checked with the domain's own rule ({@link TemplateMessages}), the block lists are
 * read, and the send is inserted with its key as the dedupe key ({@code ON CONFLICT DO NOTHING}) and
 * read back. Two concurrent calls with one key both insert; the second waits on the
 * unique key, inserts nothing, and reads the first one's row: one send either way (docs/adr/0014).
 */
public final class SendEventService implements SendEventUseCase {

    private final EventMappingRepository mappings;
    private final TemplateRepository templates;
    private final SendBlockRepository blocks;
    private final NotificationOutbox outbox;
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final FallbackUseAlert fallbackAlert;
    private final Clock clock;

    public SendEventService(EventMappingRepository mappings, TemplateRepository templates, SendBlockRepository blocks,
                            NotificationOutbox outbox, RetryPolicy retryPolicy, UnitOfWork unitOfWork,
                            FallbackUseAlert fallbackAlert, Clock clock) {
        this.mappings = mappings;
        this.templates = templates;
        this.blocks = blocks;
        this.outbox = outbox;
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.fallbackAlert = fallbackAlert;
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
        Queued queued = unitOfWork.inTransaction(() -> {
            Optional<Notification> earlier = outbox.findByDedupeKey(scope, key);
            if (earlier.isPresent()) {
                return new Queued(new SendAccepted(earlier.get().id(), earlier.get().status(), false),
                        Optional.empty());
            }
            EventMapping mapping = mappings.find(scope, command.type())
                    .orElseThrow(() -> new EventMappingNotFound(command.type()));
            TemplateChoice choice = template(scope, mapping, command);
            OutboundMessage message = message(mapping, choice, command);
            Instant now = clock.instant();
            SendChecks.requireNotBlocked(blocks, scope, message, now);
            Notification send = Notification.send(scope, key, message,
                    retryPolicy.maxAttempts(ChannelKind.WHATSAPP), now);
            outbox.enqueue(List.of(send));
            Notification stored = outbox.findByDedupeKey(scope, key).orElseThrow();
            boolean created = stored.id().equals(send.id());
            return new Queued(new SendAccepted(stored.id(), stored.status(), created),
                    created ? Optional.of(choice) : Optional.empty());
        });
        // After the commit, so the alert only ever tells of a send that exists.
        queued.choice().ifPresent(choice -> fallbackAlert.raise(scope, choice, queued.accepted().id()));
        return queued.accepted();
    }

    /** What a call answers, and the template chosen for the send it created (none for a repeated key). */
    private record Queued(SendAccepted accepted, Optional<TemplateChoice> choice) {
    }

    /**
     * The template the send goes out with ({@link TemplateChoice}): the mapped one, or its sibling in the
     * language asked for; while that is not sendable, the mapping's fallback (in that language too).
     */
    private TemplateChoice template(OrganizationId scope, EventMapping mapping, SendEventCommand command) {
        TemplateSnapshot mapped = templates.findById(scope, mapping.templateId())
                .orElseThrow(() -> new TemplateNotFound(mapping.templateId())).snapshot();
        TemplateSnapshot primary = inLanguage(scope, mapped, command.language())
                .orElseThrow(() -> new InvalidValue("language: template " + mapped.name() + " has no "
                        + command.language().orElseThrow() + " version in WABA " + mapped.wabaId()));
        if (primary.sendable() || mapping.fallbackTemplateId().isEmpty()) {
            return TemplateChoice.pick(primary, Optional.empty());
        }
        TemplateId fallbackId = mapping.fallbackTemplateId().get();
        TemplateSnapshot fallback = templates.findById(scope, fallbackId).map(MessageTemplate::snapshot)
                .orElseThrow(() -> TemplateChoice.refused(primary, "template " + fallbackId, "it no longer exists"));
        return TemplateChoice.pick(primary, Optional.of(inLanguage(scope, fallback, command.language())
                .orElseThrow(() -> TemplateChoice.refused(primary, "template " + fallbackId + " ("
                        + fallback.name().value() + ")", "it has no " + command.language().orElseThrow()
                        + " version"))));
    }

    /** The template itself, or its newest sibling (same name, same WABA) in another language asked for. */
    private Optional<TemplateSnapshot> inLanguage(OrganizationId scope, TemplateSnapshot template,
                                                  Optional<LanguageCode> language) {
        return language.filter(asked -> !asked.equals(template.language()))
                .map(asked -> templates.findByName(scope, template.wabaId(), template.name(), asked).stream()
                        .max(Comparator.comparing(TemplateSnapshot::updatedAt)))
                .orElse(Optional.of(template));
    }

    private static OutboundMessage message(EventMapping mapping, TemplateChoice choice, SendEventCommand command) {
        TemplateSnapshot template = choice.template();
        OutboundMessage message = TemplateMessages.template(new Sender(mapping.provider(), mapping.phoneNumberId()),
                template, TemplateMessages.content(template), command.to(), command.params(),
                Optional.of(command.type()));
        return choice.fallbackFrom().map(message::fallingBackFrom).orElse(message);
    }
}
