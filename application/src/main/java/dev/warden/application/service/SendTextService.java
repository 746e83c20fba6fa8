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
 * kept by phone number, so a recipient known only by a business-scoped user id has no open window yet.
 * The WABA must be the organisation's (404 otherwise) and the sender number one Meta lists for it.
 */
public final class SendTextService implements SendTextUseCase {

    private final WhatsAppAccountRepository accounts;
    private final CustomerServiceWindowRepository windows;
    private final SendBlockRepository blocks;
    private final WabaPhoneNumbers phoneNumbers;
    private final NotificationOutbox outbox;
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendTextService(WhatsAppAccountRepository accounts, CustomerServiceWindowRepository windows,
                           SendBlockRepository blocks, WabaPhoneNumbers phoneNumbers, NotificationOutbox outbox,
                           RetryPolicy retryPolicy, UnitOfWork unitOfWork, Clock clock) {
        this.accounts = accounts;
        this.windows = windows;
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
            boolean open = command.to().isPhone() && windows.find(new ConversationKey(scope, command.phoneNumberId(),
                    command.to().contact())).filter(window -> window.isOpenAt(now)).isPresent();
            if (!open) {
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

    private WhatsAppAccount requireOwnAccount(OrganizationId scope, SendTextCommand command) {
        return accounts.findByWabaId(command.wabaId()).filter(account -> scope.equals(account.organizationId()))
                .orElseThrow(() -> new NotFound("WhatsApp account", command.wabaId()));
    }
}
