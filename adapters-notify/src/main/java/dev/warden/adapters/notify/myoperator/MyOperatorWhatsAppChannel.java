package dev.warden.adapters.notify.myoperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.warden.adapters.notify.HttpOutcomes;
import dev.warden.adapters.notify.Links;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationPreferences;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * WhatsApp through MyOperator's {@code POST /chat/messages} (notify-channels.md §1). The E.164
 * number is split into country code and national number with libphonenumber. An empty wallet
 * ({@code CHAT_4001}) or a disabled account or number ({@code CHAT_0302..0304}), and refused
 * credentials, stop with an alert instead of retrying; the gateway's bare 500s are retried.
 */
public final class MyOperatorWhatsAppChannel implements NotificationChannel {

    /** MyOperator's codes that mean this channel cannot send at all until a person acts. */
    static final Set<String> STOP_CODES = Set.of("CHAT_4001", "CHAT_0302", "CHAT_0303", "CHAT_0304");
    static final int PARAMETER_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final MyOperatorGateway gateway;
    private final MyOperatorSettings settings;

    public MyOperatorWhatsAppChannel(HttpClient http, MyOperatorSettings settings) {
        this.gateway = new MyOperatorGateway(http, settings);
        this.settings = settings;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WHATSAPP;
    }

    @Override
    public Optional<NotificationPreferences.WhatsAppProvider> whatsAppProvider() {
        return Optional.of(NotificationPreferences.WhatsAppProvider.MYOPERATOR);
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(notification.recipient(), null);
        } catch (NumberParseException e) {
            return DeliveryOutcome.permanent("not an E.164 number: " + e.getErrorType());
        }
        HttpResponse<String> response;
        try {
            response = gateway.post(payload(notification, number));
        } catch (IOException e) {
            return DeliveryOutcome.retryable("MyOperator unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retryable("interrupted");
        }
        return classify(response);
    }

    static DeliveryOutcome classify(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode body = read(response.body());
        String code = body.path("code").asText("");
        String error = "MyOperator answered " + status + " " + HttpOutcomes.snippet(response.body());
        if (STOP_CODES.contains(code)) {
            return new DeliveryOutcome.Permanent(error, true);
        }
        // The body decides, not only the status: MyOperator has answered errors with 200.
        if (status == 200 && "success".equals(body.path("status").asText())) {
            return new DeliveryOutcome.Sent(Optional.of(body.path("data").path("message_id").asText())
                    .filter(id -> !id.isEmpty()));
        }
        if (status == 401 || status == 403) {
            return new DeliveryOutcome.Permanent(error, true);
        }
        if (HttpOutcomes.retryable(status)) {
            return HttpOutcomes.retry(response, error);
        }
        return DeliveryOutcome.permanent(error);
    }

    String payload(Notification notification, Phonenumber.PhoneNumber number) {
        NotificationMessage message = notification.message();
        ObjectNode root = JSON.createObjectNode();
        root.put("phone_number_id", settings.phoneNumberId());
        root.put("customer_country_code", Integer.toString(number.getCountryCode()));
        root.put("customer_number", PHONES.getNationalSignificantNumber(number));
        ObjectNode data = root.putObject("data");
        data.put("type", "template");
        ObjectNode context = data.putObject("context");
        context.put("template_name", settings.templateName());
        context.put("language", settings.language());
        ObjectNode body = context.putObject("body");
        body.put("1", Links.cut(message.title(), PARAMETER_LIMIT));
        body.put("2", Links.cut(message.text(), PARAMETER_LIMIT));
        body.put("3", Links.dashboard(settings.dashboardUrl(), message));
        root.putNull("reply_to");
        // Not an idempotency key (MyOperator neither echoes nor dedupes it), but it names the notification in their logs.
        root.put("myop_ref_id", notification.id().toString());
        return root.toString();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
