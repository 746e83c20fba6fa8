package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.notification.DeliveryOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's refusals of a message send (meta-platform.md §5.5, §12) sorted for the notification outbox.
 * The Graph-wide codes (rate limits 4 and 80007, token 190, permissions, 5xx, {@code is_transient})
 * are {@link GraphErrors}' reading; the codes of the messages API are added here: whether a later try
 * can pass, and whether a refusal is about this one recipient or about the channel itself (the
 * sender, its account or the alert template), which no alert can get through until a person acts.
 */
final class GraphSendOutcomes {

    /** Message throughput (130429) and spam rate limit (131048): a later try passes. */
    private static final Set<Integer> RATE_LIMITS = Set.of(130429, 131048);
    /** Pair rate: about one message per 6 seconds to the same user. */
    private static final int PAIR_RATE = 131056;
    private static final Duration PAIR_RATE_PAUSE = Duration.ofSeconds(6);
    /** Meta's own trouble: unknown (1), service (2), something went wrong (131000), unavailable (131016), maintenance (131057). */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 131057);
    /**
     * Refusals no alert gets past: the template (parameters 132000, missing or unapproved 132001,
     * policy 132007, parameter format 132012, paused 132015, disabled 132016, parameter 132018) or
     * the sending account (locked 131031, payment 131042, number not registered 133010, blocked 368).
     * Too long (132005) is this alert's text, not the channel: that notification fails alone.
     */
    private static final Set<Integer> CHANNEL_BROKEN = Set.of(132000, 132001, 132007, 132012, 132015,
            132016, 132018, 131031, 131042, 133010, 368);

    private GraphSendOutcomes() {
    }

    /** The outcome of a non-200 answer. Recipient refusals (131026 undeliverable, 131050 opted out, ...) are permanent. */
    static DeliveryOutcome refusal(int httpStatus, JsonNode body) {
        MetaCallFailed failed = GraphErrors.of(httpStatus, body);
        String error = failed.getMessage() + details(body);
        Optional<Integer> code = GraphErrors.code(body);
        if (code.isPresent()) {
            int c = code.get();
            if (c == PAIR_RATE) {
                return new DeliveryOutcome.Retryable(error, Optional.of(PAIR_RATE_PAUSE));
            }
            if (RATE_LIMITS.contains(c) || TRANSIENT.contains(c)) {
                return new DeliveryOutcome.Retryable(error, Optional.empty());
            }
            if (CHANNEL_BROKEN.contains(c) || unknownSender(c, body)) {
                return new DeliveryOutcome.Permanent(error, true);
            }
        } else if (httpStatus == 404) {
            return new DeliveryOutcome.Permanent(error + " (is the sending phone number id right?)", true);
        }
        return failed(failed, error);
    }

    /** A call that got no answer (network, timeout) or could not be made (no token). */
    static DeliveryOutcome failed(MetaCallFailed failed) {
        return failed(failed, failed.getMessage());
    }

    private static DeliveryOutcome failed(MetaCallFailed failed, String error) {
        return switch (failed.kind()) {
            case RATE_LIMITED, UNAVAILABLE -> new DeliveryOutcome.Retryable(error, Optional.empty());
            case ACCESS_DENIED -> new DeliveryOutcome.Permanent(error, true);
            case MALFORMED_RESPONSE, REFUSED -> new DeliveryOutcome.Permanent(error, false);
        };
    }

    /** Code 100 with subcode 33: Meta does not know the object, here the sending phone number id. */
    private static boolean unknownSender(int code, JsonNode body) {
        return code == 100 && "33".equals(MetaJson.text(body.path("error").get("error_subcode")));
    }

    /** Meta says to read {@code error_data.details} with the code: it names what was wrong. */
    private static String details(JsonNode body) {
        String details = body == null ? null : MetaJson.text(body.path("error").path("error_data").get("details"));
        return details == null || details.isBlank() ? "" : " (" + GraphErrors.shorten(details) + ")";
    }
}
