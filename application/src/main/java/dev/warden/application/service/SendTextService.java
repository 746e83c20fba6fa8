package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.SendAccepted;
import dev.warden.application.port.in.SendTextCommand;
import dev.warden.application.port.in.SendTextUseCase;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendRefused;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Use case implementation: a free-form text, queued only while the customer-service window with the
 * customer is open as Warden last heard (a customer message within 24 hours, no 131047 since). Meta
 * stays the judge: a 131047 on the send itself closes the window and fails the send. Windows are
 * kept by phone number: a business-scoped user id finds the window of the numbers a webhook linked it
 * to, and has none without a link.
 * The WABA must be the organisation's (404 otherwise) and the sender number one Meta lists for it.
 */
public final class SendTextService implements SendTextUseCase {

    private final WhatsAppAccountRepository accounts;
    private final CustomerServiceWindowRepository windows;
    private final ContactLinkRepository links;
    private final SendBlockRepository blocks;
    private final WabaPhoneNumbers phoneNumbers;
    private final NotificationOutbox outbox;
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendTextService(WhatsAppAccountRepository accounts, CustomerServiceWindowRepository windows,
                           ContactLinkRepository links, SendBlockRepository blocks, WabaPhoneNumbers phoneNumbers, NotificationOutbox outbox,
                           RetryPolicy retryPolicy, UnitOfWork unitOfWork, Clock clock) {
        this.accounts = accounts;
        this.windows = windows;
        this.links = links;
        this.blocks = blocks;
        this.phoneNumbers = phoneNumbers;
        this.outbox = outbox;
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public SendAccepted send(Actor actor, SendTextCommand command) {
        OrganizationId scope = actor.organizationFor(command.organizationId());
        actor.requireWrite(scope);
        unitOfWork.inTransaction(() -> requireOwnAccount(scope, command));
        SendChecks.requireNumberOfWaba(phoneNumbers, command.wabaId(), command.phoneNumberId());
        return unitOfWork.inTransaction(() -> {
            requireOwnAccount(scope, command);
            Instant now = clock.instant();
            if (!windowOpen(scope, command, now)) {
                throw SendRefused.windowClosed(command.to().value());
            }
            OutboundMessage message = OutboundMessage.text(command.wabaId(), command.phoneNumberId(), command.to(),
                    command.text());
            SendChecks.requireNotBlocked(blocks, scope, message, now);
            Notification queued = Notification.send(scope, "text:" + UUID.randomUUID(), message,
                    retryPolicy.maxAttempts(ChannelKind.WHATSAPP), now);
            outbox.enqueue(List.of(queued));
            return new SendAccepted(queued.id(), queued.status(), true);
        });
    }

    private boolean windowOpen(OrganizationId scope, SendTextCommand command, Instant now) {
        List<String> phones = command.to().isPhone() ? List.of(command.to().contact())
                : links.linked(scope, command.wabaId(), command.to().contact());
        return phones.stream().anyMatch(phone -> windows.find(new ConversationKey(scope, command.phoneNumberId(),
                phone)).filter(window -> window.isOpenAt(now)).isPresent());
    }

    private WhatsAppAccount requireOwnAccount(OrganizationId scope, SendTextCommand command) {
        return accounts.findByWabaId(command.wabaId()).filter(account -> scope.equals(account.organizationId()))
                .orElseThrow(() -> new NotFound("WhatsApp account", command.wabaId()));
    }
}
