package dev.warden.adapters.notify.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.adapters.notify.HttpOutcomes;
import dev.warden.adapters.notify.Links;
import dev.warden.adapters.notify.WholeAnswer;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack incoming webhooks (notify-channels.md §2): a Block Kit message with a header, the alert's
 * text, its facts as fields and a link to the dashboard. A 200 with the body {@code ok} is success;
 * 429 waits at least the Retry-After; a revoked or archived destination stops and alerts.
 */
public final class SlackWebhookChannel implements NotificationChannel {

    static final int HEADER_LIMIT = 150;
    static final int SECTION_LIMIT = 3000;
    static final int FIELD_LIMIT = 2000;
    static final int MAX_FIELDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's answers that mean the destination itself is gone or forbidden. */
    private static final Set<Integer> BROKEN = Set.of(403, 404, 410);

    private final HttpClient http;
    private final String dashboardUrl;
    private final Duration timeout;

    public SlackWebhookChannel(HttpClient http, String dashboardUrl, Duration timeout) {
        this.http = http;
        this.dashboardUrl = dashboardUrl;
        this.timeout = timeout;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SLACK;
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(notification.recipient())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload(notification), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Permanent("the Slack webhook URL is not usable", true);
        }
        HttpResponse<String> response;
        try {
            response = WholeAnswer.send(http, request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // A timeout after the request went out may still have posted: a possible duplicate beats a lost alert.
            return DeliveryOutcome.retryable("Slack unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retryable("interrupted");
        }
        int status = response.statusCode();
        String body = HttpOutcomes.snippet(response.body());
        if (status == 200 && "ok".equals(body)) {
            return new DeliveryOutcome.Sent(Optional.empty());
        }
        String error = "Slack answered " + status + " " + body;
        if (HttpOutcomes.retryable(status)) {
            return HttpOutcomes.retry(response, error);
        }
        return new DeliveryOutcome.Permanent(error, BROKEN.contains(status));
    }

    String payload(Notification notification) {
        NotificationMessage message = notification.message();
        ObjectNode root = JSON.createObjectNode();
        root.put("text", Links.cut(escape(message.title() + ": " + message.text()), SECTION_LIMIT));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("emoji", true)
                .put("text", Links.cut(icon(message.severity()) + " " + message.title(), HEADER_LIMIT));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", Links.cut(escape(message.text()), SECTION_LIMIT));
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        message.fields().entrySet().stream().limit(MAX_FIELDS).forEach((Map.Entry<String, String> field) ->
                fields.addObject().put("type", "mrkdwn").put("text",
                        Links.cut("*" + escape(field.getKey()) + "*\n" + escape(field.getValue()), FIELD_LIMIT)));
        // A plain link, not a button: a button would call an interactivity endpoint Warden does not have.
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
                "<" + Links.dashboard(dashboardUrl, message) + "|Open in Warden> · notification `"
                        + notification.id() + "`");
        return root.toString();
    }

    private static String icon(AlertSeverity severity) {
        return switch (severity) {
            case CRITICAL -> ":red_circle:";
            case HIGH -> ":large_orange_circle:";
            case MEDIUM -> ":large_yellow_circle:";
            default -> ":large_blue_circle:";
        };
    }

    /** Slack reads &, < and > as markup; nothing else needs escaping. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
