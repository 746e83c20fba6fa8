package dev.warden.adapters.notify.myoperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.warden.application.port.out.MessageSender;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer template messages through MyOperator's {@code POST /chat/messages} (notify-channels.md §1.4):
 * body values keyed by variable name ({@code "1"}, {@code "2"}, or the named ones), from the mapping's
 * phone number id or the account's configured one. MyOperator sends to phone numbers only, and its
 * answers are sorted as for alerts ({@link MyOperatorWhatsAppChannel#classify}); it reports no per-recipient
 * codes that are known, so its refusals are about the account or this message.
 */
public final class MyOperatorMessageSender implements MessageSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final MyOperatorGateway gateway;
    private final MyOperatorSettings settings;

    public MyOperatorMessageSender(HttpClient http, MyOperatorSettings settings) {
        this.gateway = new MyOperatorGateway(http, settings);
        this.settings = settings;
    }

    @Override
    public SendProvider provider() {
        return SendProvider.MYOPERATOR;
    }

    @Override
    public SendResult send(UUID notificationId, OutboundMessage message) {
        if (message.kind() != OutboundMessage.Kind.TEMPLATE || !message.recipient().isPhone()) {
            return refused(SendRefusal.MESSAGE_REFUSED, "MyOperator sends templates to phone numbers only");
        }
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(message.recipient().value(), null);
        } catch (NumberParseException e) {
            return refused(SendRefusal.RECIPIENT_UNREACHABLE, "not an E.164 number: " + e.getErrorType());
        }
        HttpResponse<String> response;
        try {
            response = gateway.post(payload(notificationId, message, number));
        } catch (IOException e) {
            return refused(SendRefusal.TRANSIENT, "MyOperator unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(SendRefusal.TRANSIENT, "interrupted");
        }
        DeliveryOutcome outcome = MyOperatorWhatsAppChannel.classify(response);
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            return new SendResult.Accepted(sent.providerMessageId());
        }
        if (outcome instanceof DeliveryOutcome.Retryable retry) {
            return new SendResult.Refused(SendRefusal.TRANSIENT, retry.error(), retry.notBefore());
        }
        DeliveryOutcome.Permanent permanent = (DeliveryOutcome.Permanent) outcome;
        return refused(permanent.channelBroken() ? SendRefusal.ACCOUNT_REFUSED : SendRefusal.MESSAGE_REFUSED,
                permanent.error());
    }

    String payload(UUID notificationId, OutboundMessage message, Phonenumber.PhoneNumber number) {
        OutboundMessage.TemplateRef template = message.template().orElseThrow();
        ObjectNode root = JSON.createObjectNode();
        root.put("phone_number_id", message.phoneNumberId().orElse(settings.phoneNumberId()));
        root.put("customer_country_code", Integer.toString(number.getCountryCode()));
        root.put("customer_number", PHONES.getNationalSignificantNumber(number));
        ObjectNode data = root.putObject("data");
        data.put("type", "template");
        ObjectNode context = data.putObject("context");
        context.put("template_name", template.name());
        // Only inside context: MyOperator has answered 500 when it was also outside (notify-channels.md §1.4).
        context.put("language", template.language());
        ObjectNode body = context.putObject("body");
        message.bodyParameters().forEach(p -> body.put(p.name(), p.value()));
        root.putNull("reply_to");
        // Not an idempotency key (MyOperator neither echoes nor dedupes it), but it names the send in their logs.
        root.put("myop_ref_id", notificationId.toString());
        return root.toString();
    }

    private static SendResult.Refused refused(SendRefusal refusal, String error) {
        return new SendResult.Refused(refusal, error, Optional.empty());
    }
}
