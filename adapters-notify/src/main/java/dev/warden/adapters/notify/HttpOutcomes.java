package dev.warden.adapters.notify;

import dev.warden.domain.notification.DeliveryOutcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The HTTP answers every provider shares a meaning for (notify-channels.md §4.1): 408, 425, 429 and
 * 500/502/503/504 may pass (429 and 503 at the provider's Retry-After); other statuses do not.
 */
public final class HttpOutcomes {

    private HttpOutcomes() {
    }

    public static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status == 500 || status == 502 || status == 503
                || status == 504;
    }

    /** A retryable answer, carrying the provider's Retry-After (seconds or an HTTP date) if it sent one. */
    public static DeliveryOutcome retry(HttpResponse<?> response, String error) {
        return new DeliveryOutcome.Retryable(error, retryAfter(response));
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(HttpOutcomes::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    /** The start of a provider's body for an error message; bodies may be long, never secret. */
    public static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return Links.cut(flat, 200);
    }
}
