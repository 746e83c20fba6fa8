package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Meta's error answers ({@code {"error":{"code","error_subcode","message",...}}}) read into what
 * the caller should do: Meta says to decide on {@code code}, so the HTTP status only decides when
 * the body names no code.
 */
final class GraphErrors {

    /** App, WABA and template rate limits. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 80008, 80012);
    /** Authentication (0), API method (3), expired or invalid token (190), missing permission (10, 200-299). */
    private static final Set<Integer> ACCESS = Set.of(0, 3, 190, 10);

    /** Meta's template-creation rules by {@code error_subcode} (§5.5), so a refusal names the rule broken. */
    private static final Map<Integer, String> TEMPLATE_RULES = Map.of(
            2388040, "a field is longer than Meta allows",
            2388047, "the header's format is not accepted",
            2388072, "the body's format is not accepted",
            2388073, "the footer's format is not accepted",
            2388293, "too many variables for the text's length",
            2388299, "a variable at the very start or end of the text",
            2388019, "the WABA's template limit is reached",
            2388023, "a template of this name and language already exists (or the name is locked after a deletion)");

    /** What a Meta access token looks like: Meta's messages sometimes quote the token they refused. */
    private static final Pattern TOKEN = Pattern.compile("EAA[A-Za-z0-9]{20,}");
    static final String TOKEN_SHOWN = "<token>";

    private GraphErrors() {
    }

    /**
     * As {@link #of(int, JsonNode)}, with {@code accessToken} (the configured one) replaced by
     * {@value #TOKEN_SHOWN} wherever Meta's words quote it: the message lands in logs, jobs and alerts.
     */
    static MetaCallFailed of(int httpStatus, JsonNode body, String accessToken) {
        MetaCallFailed failed = of(httpStatus, body);
        String message = failed.getMessage();
        return accessToken == null || accessToken.isBlank() || message == null || !message.contains(accessToken)
                ? failed : new MetaCallFailed(failed.kind(), message.replace(accessToken, TOKEN_SHOWN));
    }

    static MetaCallFailed of(int httpStatus, JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        Integer code = error == null ? null : number(MetaJson.text(error.get("code")));
        String message = error == null ? null : MetaJson.text(error.get("message"));
        String said = message == null ? "" : ": " + shorten(message);
        if (code != null) {
            String what = "Meta answered HTTP " + httpStatus + " with error code " + code + said;
            if (RATE_LIMITS.contains(code)) {
                return new MetaCallFailed(Kind.RATE_LIMITED, what);
            }
            if (ACCESS.contains(code) || (code >= 200 && code <= 299)) {
                return new MetaCallFailed(Kind.ACCESS_DENIED, what);
            }
            if (httpStatus >= 500 || "true".equals(MetaJson.text(error.get("is_transient")))) {
                return new MetaCallFailed(Kind.UNAVAILABLE, what);
            }
            return new MetaCallFailed(Kind.REFUSED, templateRule(code, error).map(rule -> "Meta refused the template: "
                    + rule + " (code " + code + ", subcode " + MetaJson.text(error.get("error_subcode")) + ")"
                    + userMessage(error) + said).orElse(what));
        }
        String what = "Meta answered HTTP " + httpStatus + said;
        if (httpStatus >= 500 || httpStatus == 429) {
            return new MetaCallFailed(httpStatus == 429 ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, what);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new MetaCallFailed(Kind.ACCESS_DENIED, what);
        }
        return new MetaCallFailed(Kind.REFUSED, what);
    }

    /** Meta's {@code error.code}, for callers that sort codes of their own API on top of {@link #of}. */
    static Optional<Integer> code(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        return Optional.ofNullable(error == null ? null : number(MetaJson.text(error.get("code"))));
    }

    /**
     * Template-creation refusals: code 100 with a subcode 2388xxx, or 200002. A subcode not listed
     * in §5.5 still says which family it is, with Meta's own words after it.
     */
    private static Optional<String> templateRule(int code, JsonNode error) {
        Integer subcode = number(MetaJson.text(error.get("error_subcode")));
        if (code == 200002) {
            return Optional.of("Meta could not create the template");
        }
        if (code != 100 || subcode == null || subcode / 1000 != 2388) {
            return Optional.empty();
        }
        return Optional.of(TEMPLATE_RULES.getOrDefault(subcode, "a template rule"));
    }

    /** Meta's explanation for people ({@code error_user_title}, {@code error_user_msg}) when it gave one. */
    private static String userMessage(JsonNode error) {
        String title = MetaJson.text(error.get("error_user_title"));
        String message = MetaJson.text(error.get("error_user_msg"));
        String both = (title == null ? "" : title) + (title != null && message != null ? ": " : "")
                + (message == null ? "" : message);
        return both.isBlank() ? "" : " — " + shorten(both);
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Meta's message, one line and bounded, with anything that looks like an access token replaced:
     * it ends up in a job's errors and in alerts.
     */
    static String shorten(String text) {
        String line = TOKEN.matcher(text.replaceAll("\\p{Cntrl}", " ")).replaceAll(TOKEN_SHOWN).strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
