package dev.warden.adapters.web.problem;

import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a request at fault: where ({@code components[1].text}, {@code body.first_name}), the
 * rule it breaks ({@code VARIABLE_AT_START}, {@code REQUIRED}) and what to do about it.
 */
@Serdeable
public record FieldError(String field, String rule, String message) implements Error {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public Optional<String> getPath() {
        return Optional.of(field);
    }

    @Override
    public String getMessage() {
        return field + ": " + message;
    }

    @Override
    public Optional<String> getTitle() {
        return Optional.of(rule);
    }
}
