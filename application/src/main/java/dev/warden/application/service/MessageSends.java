package dev.warden.application.service;

import dev.warden.application.port.out.MessageSender;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatcher's path for customer messages: the block lists are read again right before the call
 * (a contact may have opted out, or the WABA stopped, since the send was queued), the provider the
 * message names is called, and what a refusal says about more than this message is kept: a cool-down
 * or an opt-out for the recipient, a closed window, a stopped WABA with a CRITICAL alert. Each of
 * those is one idempotent write in a short transaction of its own, after the call. A WABA stop that
 * cannot be written (tried twice) is logged and makes the try Retryable, so the next try, refused
 * again by Meta, writes it: a stop is never lost silently.
 */
public final class MessageSends {

    /** Meta's ecosystem-engagement limit (131049): wait at least this long before marketing to the user again. */
    static final Duration COOL_DOWN = Duration.ofHours(24);

    private final Map<SendProvider, MessageSender> senders = new EnumMap<>(SendProvider.class);
    private final SendBlockRepository blocks;
    private final CustomerServiceWindowRepository windows;
    private final UnitOfWork unitOfWork;
    private final Alerting alerting;
    private final DomainEventPublisher publisher;
    private final ServerLog log;
    private final Clock clock;
    private final TemplateRefusals templateRefusals;

    /** Without the circuit breaker: a paused or disabled template fails only the send. */
    public MessageSends(List<MessageSender> senders, SendBlockRepository blocks,
                        CustomerServiceWindowRepository windows, UnitOfWork unitOfWork, Alerting alerting,
                        DomainEventPublisher publisher, ServerLog log, Clock clock) {
        this(senders, blocks, windows, unitOfWork, alerting, publisher, log, clock, TemplateRefusals.NONE);
    }

    public MessageSends(List<MessageSender> senders, SendBlockRepository blocks,
                        CustomerServiceWindowRepository windows, UnitOfWork unitOfWork, Alerting alerting,
                        DomainEventPublisher publisher, ServerLog log, Clock clock,
                        TemplateRefusals templateRefusals) {
        this.templateRefusals = templateRefusals;
        senders.forEach(sender -> this.senders.put(sender.provider(), sender));
        this.blocks = blocks;
        this.windows = windows;
        this.unitOfWork = unitOfWork;
        this.alerting = alerting;
        this.publisher = publisher;
        this.log = log;
        this.clock = clock;
    }

    /** One try at a claimed customer message, with no transaction open around the call. */
    DeliveryOutcome deliver(Notification notification) {
        OutboundMessage message = notification.outbound().orElseThrow();
        Optional<SendBlock> block = unitOfWork.inTransaction(() -> SendChecks.blocking(blocks,
                notification.organizationId(), message, clock.instant()));
        if (block.isPresent()) {
            return DeliveryOutcome.permanent("not sent: " + block.get().describe());
        }
        MessageSender sender = senders.get(message.provider());
        if (sender == null) {
            return DeliveryOutcome.permanent("no " + message.provider() + " sender is configured");
        }
        SendResult result;
        try {
            result = sender.send(notification.id(), message);
        } catch (RuntimeException e) {
            return DeliveryOutcome.retryable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (result instanceof SendResult.Accepted accepted) {
            return new DeliveryOutcome.Sent(accepted.providerMessageId());
        }
        SendResult.Refused refused = (SendResult.Refused) result;
        String error = refused.refusal() + " (" + refused.refusal().scope().name().toLowerCase() + "): "
                + refused.error();
        if (!keep(notification.organizationId(), notification.id(), message, refused.refusal(), refused.error(),
                clock.instant())) {
            return DeliveryOutcome.retryable(error + "; the WABA's stop could not be recorded, tried again later");
        }
        return refused.refusal().retryable()
                || message.campaignId().isPresent() && refused.refusal().waitsWithItsCampaign()
                ? new DeliveryOutcome.Retryable(error, refused.notBefore()) : DeliveryOutcome.permanent(error);
    }

    /**
     * What a refusal teaches beyond this message, kept for the sends after it; false if a WABA stop was not.
     * The same lessons whether Meta refused the call ({@code at}: its answer) or reported the failure later
     * in a status webhook ({@code at}: the status's time, so a redelivered report cannot outrank a newer word).
     */
    boolean keep(OrganizationId organization, UUID notificationId, OutboundMessage message, SendRefusal refusal,
                 String error, Instant at) {
        String contact = message.recipient().contact();
        switch (refusal) {
            case RECIPIENT_COOL_DOWN -> unitOfWork.run(() -> blocks.block(new SendBlock(organization,
                    message.wabaId(), contact, BlockReason.COOL_DOWN, Optional.of(at.plus(COOL_DOWN)),
                    error, at)));
            // Meta's 131050 is the contact's stop as of Meta's answer: a resume said later still lifts it.
            case MARKETING_OPT_OUT -> unitOfWork.run(() -> blocks.prefer(new MarketingPreference(
                    organization, message.wabaId(), contact, MarketingPreference.State.OPTED_OUT, at,
                    error)));
            case WINDOW_CLOSED -> {
                if (message.recipient().isPhone() && message.phoneNumberId().isPresent()) {
                    unitOfWork.run(() -> windows.recordReEngagementFailure(new ConversationKey(
                            organization, message.phoneNumberId().get(), contact), at));
                }
            }
            case ACCOUNT_STOPPED -> {
                return stop(organization, notificationId, message, refusal, error, at);
            }
            // Also from a status webhook: portfolio pacing shows as sends failed later with 132015 while
            // the template stays APPROVED, and no template webhook comes. There the breaker runs in the
            // inbox's transaction, and asks Meta at most once per template per cool-down.
            case TEMPLATE_PAUSED, TEMPLATE_DISABLED -> breakCircuit(organization, message,
                    new SendResult.Refused(refusal, error, Optional.empty()));
            default -> {
                // Only this message (or a retry will tell): nothing to keep.
            }
        }
        return true;
    }

    /**
     * The template's campaigns are held (the circuit breaker). A hold that cannot be written is logged, and
     * the send still fails for good: the campaign's next send, refused again, places it.
     */
    private void breakCircuit(OrganizationId organization, OutboundMessage message, SendResult.Refused refused) {
        try {
            templateRefusals.refused(organization, message, refused);
        } catch (RuntimeException e) {
            log.warning("Could not hold the campaigns of a template Meta refused as " + refused.refusal(), e);
        }
    }

    /**
     * Stops the WABA and raises its CRITICAL alert in one transaction, tried twice: the second try also
     * covers another dispatcher stopping the same WABA at the same moment (the block and the alert are
     * idempotent). False, logged, when both tries failed.
     */
    private boolean stop(OrganizationId organization, UUID notificationId, OutboundMessage message,
                         SendRefusal refusal, String error, Instant at) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                stopOnce(organization, notificationId, message, error, at);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        log.warning("Could not stop the sends of WABA " + message.wabaId() + " after Meta's " + refusal
                + " (tried twice; the send is tried again, and with it the stop)", failure);
        return false;
    }

    private void stopOnce(OrganizationId organization, UUID notificationId, OutboundMessage message, String error,
                          Instant at) {
        var raised = unitOfWork.inTransaction(() -> {
            blocks.block(new SendBlock(organization, message.wabaId(), SendBlock.WHOLE_WABA,
                    BlockReason.SENDING_STOPPED, Optional.empty(), error, at));
            return alerting.raise(organization, AlertType.SENDING_STOPPED,
                    AlertSeverity.CRITICAL, AlertSubject.waba(message.wabaId().value()),
                    "Meta stopped the sends of WABA " + message.wabaId() + ": " + error
                            + ". Warden sends nothing from it until a person fixes the account and lifts the stop.",
                    Map.of("wabaId", message.wabaId().value(), "notificationId", notificationId.toString()),
                    at);
        });
        publisher.publish(List.of(raised));
    }
}
