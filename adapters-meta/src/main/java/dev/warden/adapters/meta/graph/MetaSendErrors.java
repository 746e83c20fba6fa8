package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of Meta's message-send error codes (meta-platform.md §5.5, §12): each code's
 * {@link SendRefusal}, which says what the refusal is about (recipient, template, account, message)
 * and whether a later try can pass. Alerts ({@link GraphSendOutcomes}) and customer sends
 * ({@link GraphMessageSender}) both read it, and so do status webhooks reporting a send that failed
 * after Meta accepted it ({@link #ofCode}). A code not in the table is sorted by the Graph-wide
 * reading of {@link GraphErrors} (rate limit, token, 5xx, {@code is_transient}).
 */
public final class MetaSendErrors {

    /** Pair rate: about one message per 6 seconds to the same user. */
    static final Duration PAIR_RATE_PAUSE = Duration.ofSeconds(6);

    static final Map<Integer, SendRefusal> CODES;

    static {
        Map<Integer, SendRefusal> codes = new HashMap<>();
        put(codes, SendRefusal.RATE_LIMITED, 4, 80007, 80008, 80012, 130429, 131048);
        put(codes, SendRefusal.PAIR_RATE_LIMITED, 131056);
        put(codes, SendRefusal.TRANSIENT, 1, 2, 131000, 131016, 131057);
        put(codes, SendRefusal.RECIPIENT_COOL_DOWN, 131049);
        put(codes, SendRefusal.RECIPIENT_UNREACHABLE, 131026, 130472, 130497);
        put(codes, SendRefusal.MARKETING_OPT_OUT, 131050);
        put(codes, SendRefusal.WINDOW_CLOSED, 131047);
        put(codes, SendRefusal.TEMPLATE_MISMATCH, 132000, 132001, 132007, 132012, 132018);
        put(codes, SendRefusal.TEMPLATE_PAUSED, 132015);
        put(codes, SendRefusal.TEMPLATE_DISABLED, 132016);
        put(codes, SendRefusal.ACCOUNT_STOPPED, 131031, 131042);
        put(codes, SendRefusal.ACCOUNT_REFUSED, 0, 3, 10, 190, 368, 133010, 134100, 134101, 134102);
        for (int permission = 200; permission <= 299; permission++) {
            put(codes, SendRefusal.ACCOUNT_REFUSED, permission);
        }
        // 132005: the filled-in text is too long; 100: an invalid parameter of this request.
        put(codes, SendRefusal.MESSAGE_REFUSED, 132005, 100);
        CODES = Map.copyOf(codes);
    }

    private MetaSendErrors() {
    }

    private static void put(Map<Integer, SendRefusal> codes, SendRefusal refusal, int... values) {
        for (int value : values) {
            if (codes.put(value, refusal) != null) {
                throw new IllegalStateException("code " + value + " is in the table twice");
            }
        }
    }

    /**
     * The refusal of an error code a status webhook reports ({@code statuses[].errors[].code}): there is no
     * HTTP answer to read then, so a code not in the table is only this message's.
     */
    public static SendRefusal ofCode(int code) {
        return CODES.getOrDefault(code, SendRefusal.MESSAGE_REFUSED);
    }

    /** A non-200 answer to {@code POST /{phone_number_id}/messages}. */
    static SendResult.Refused refusal(int httpStatus, JsonNode body) {
        MetaCallFailed failed = GraphErrors.of(httpStatus, body);
        String error = failed.getMessage() + details(body);
        Optional<Integer> code = GraphErrors.code(body);
        if (code.isPresent()) {
            int c = code.get();
            if (c == 100 && "33".equals(MetaJson.text(body.path("error").get("error_subcode")))) {
                // Meta does not know the object: here the sending phone number id.
                return new SendResult.Refused(SendRefusal.ACCOUNT_REFUSED, error, Optional.empty());
            }
            SendRefusal refusal = CODES.get(c);
            if (refusal != null) {
                return new SendResult.Refused(refusal, error, refusal == SendRefusal.PAIR_RATE_LIMITED
                        ? Optional.of(PAIR_RATE_PAUSE) : Optional.empty());
            }
        } else if (httpStatus == 404) {
            return new SendResult.Refused(SendRefusal.ACCOUNT_REFUSED, error
                    + " (is the sending phone number id right?)", Optional.empty());
        }
        return failed(failed, error);
    }

    /** A call that got no answer (network, timeout) or could not be made (no token). */
    static SendResult.Refused failed(MetaCallFailed failed) {
        return failed(failed, failed.getMessage());
    }

    private static SendResult.Refused failed(MetaCallFailed failed, String error) {
        SendRefusal refusal = switch (failed.kind()) {
            case RATE_LIMITED -> SendRefusal.RATE_LIMITED;
            case UNAVAILABLE -> SendRefusal.TRANSIENT;
            case ACCESS_DENIED -> SendRefusal.ACCOUNT_REFUSED;
            case MALFORMED_RESPONSE, REFUSED -> SendRefusal.MESSAGE_REFUSED;
        };
        return new SendResult.Refused(refusal, error, Optional.empty());
    }

    /** Meta says to read {@code error_data.details} with the code: it names what was wrong. */
    private static String details(JsonNode body) {
        String details = body == null ? null : MetaJson.text(body.path("error").path("error_data").get("details"));
        return details == null || details.isBlank() ? "" : " (" + GraphErrors.shorten(details) + ")";
    }
}
