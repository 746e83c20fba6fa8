package dev.warden.adapters.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 7807 problem detail. {@code errors} lists every message when there is more than one
 * (for instance all violated constraints of a request body); {@code fieldErrors} names the body field
 * or query parameter each is about, and the rule it breaks, when the problem is about fields.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<String> errors,
                      List<FieldError> fieldErrors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<String> errors) {
        this(type, title, status, detail, instance, errors, List.of());
    }
}
