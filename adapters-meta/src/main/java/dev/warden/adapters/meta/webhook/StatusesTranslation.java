package dev.warden.adapters.meta.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.graph.MetaSendErrors;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.sending.DeliveryState;
import dev.warden.domain.sending.Pricing;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a {@code messages} change's {@code statuses[]}: Meta's report on a message it accepted —
 * its {@code id} (the {@code wamid} the send answered), {@code status} ({@code sent}, {@code delivered},
 * {@code read}, {@code failed}; others such as {@code deleted} are not Warden's), {@code timestamp},
 * {@code pricing} ({@code pricing_model}, {@code category}, {@code type}, {@code billable}) and, for a
 * failure, {@code errors[]} sorted by the one table of send errors ({@link MetaSendErrors}).
 */
final class StatusesTranslation {

    private static final int MAX_ERROR = 500;

    private StatusesTranslation() {
    }

    static Optional<DeliveryReport> report(JsonNode status) {
        String id = MetaJson.text(status.get("id"));
        Instant at = MetaJson.epoch(status.get("timestamp"));
        DeliveryState state = state(MetaJson.text(status.get("status")));
        if (id == null || !id.matches("[A-Za-z0-9_.=+/:-]{1,256}") || at == null || state == null) {
            return Optional.empty();
        }
        Optional<DeliveryReport.Failure> failure = state == DeliveryState.FAILED
                ? Optional.of(failure(status.path("errors"))) : Optional.empty();
        return Optional.of(new DeliveryReport(id, state, at, pricing(status.path("pricing")), failure));
    }

    private static DeliveryState state(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "sent" -> DeliveryState.SENT;
            case "delivered" -> DeliveryState.DELIVERED;
            case "read" -> DeliveryState.READ;
            case "failed" -> DeliveryState.FAILED;
            default -> null;
        };
    }

    /** The first error Meta names; a failure without a readable code is only this message's. */
    private static DeliveryReport.Failure failure(JsonNode errors) {
        for (JsonNode error : errors) {
            String code = MetaJson.text(error.get("code"));
            if (code == null || !code.matches("[0-9]{1,9}")) {
                continue;
            }
            String title = Optional.ofNullable(MetaJson.text(error.get("title")))
                    .or(() -> Optional.ofNullable(MetaJson.text(error.get("message")))).orElse("send failed");
            String details = MetaJson.text(error.path("error_data").get("details"));
            String text = "(#" + code + ") " + title + (details == null ? "" : " (" + details + ")");
            return new DeliveryReport.Failure(MetaSendErrors.ofCode(Integer.parseInt(code)),
                    text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text);
        }
        return new DeliveryReport.Failure(dev.warden.domain.sending.SendRefusal.MESSAGE_REFUSED,
                "Meta reported the message failed without an error code");
    }

    /** A billed category is what makes a pricing worth keeping; Meta's spellings are kept as they come. */
    private static Optional<Pricing> pricing(JsonNode pricing) {
        String category = word(pricing.get("category"), 40);
        if (category == null) {
            return Optional.empty();
        }
        JsonNode billable = pricing.get("billable");
        return Optional.of(new Pricing(Optional.ofNullable(word(pricing.get("pricing_model"), 20)), category,
                Optional.ofNullable(word(pricing.get("type"), 40)),
                billable != null && billable.isBoolean() ? Optional.of(billable.booleanValue()) : Optional.empty()));
    }

    private static String word(JsonNode node, int max) {
        String text = MetaJson.text(node);
        return text != null && text.length() <= max && text.matches("[A-Za-z0-9_]+") ? text : null;
    }
}
