package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import java.util.Set;

/**
 * Meta's error answers ({@code {"error":{"code","error_subcode","message",...}}}) read into what
 * the caller should do: Meta says to decide on {@code code}, so the HTTP status only decides when
 * the body names no code.
 */
final class GraphErrors {

    /** App, WABA and template rate limits. */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 80008, 80012);
    /** Expired or invalid token (190), missing permission (10, 200-299). */
    private static final Set<Integer> ACCESS = Set.of(190, 10);

    private GraphErrors() {
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
            return new MetaCallFailed(Kind.REFUSED, what);
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

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Meta's message, one line and bounded: it ends up in a job's errors and in alerts. */
    static String shorten(String text) {
        String line = text.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
