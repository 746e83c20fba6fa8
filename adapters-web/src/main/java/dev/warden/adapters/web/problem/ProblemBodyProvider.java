package dev.warden.adapters.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Writes Micronaut's error responses (400, 401, 403, 404, 405, 413, 415, 500 ...) as problem documents.
 * A 5xx says nothing about its cause (the log has it); a 4xx says what was wrong and, when fields were
 * wrong, which: a body property path ({@code components[0].text}) or a query parameter name.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        int status = response.code();
        if (status >= 500) {
            return new Problem("about:blank", response.reason(), status,
                    "Warden could not complete the request; the server log has the details",
                    context.getRequest().getPath(), List.of());
        }
        String detail = messages.isEmpty() ? response.reason() : String.join("; ", messages);
        return new Problem("about:blank", response.reason(), status, detail, context.getRequest().getPath(),
                messages.size() > 1 ? messages : List.of(), fieldErrors(context));
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }

    private static List<FieldError> fieldErrors(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> new FieldError(field(v),
                            v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                            v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        }
        if (cause instanceof InvalidParameter invalid) {
            return List.of(new FieldError(invalid.parameter(), "INVALID", invalid.getMessage()));
        }
        // Refusals that know their fields (a template's content rules) carry them as FieldErrors.
        return context.getErrors().stream().filter(e -> e.getPath().isPresent())
                .map(e -> e instanceof FieldError field ? field
                        : new FieldError(e.getPath().get(), e.getTitle().orElse("INVALID"), e.getMessage()))
                .toList();
    }

    /** The field as the client named it: body properties without the method and parameter names. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder properties = new StringBuilder();
        String parameter = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable()) {
                    properties.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey())
                            .append(']');
                }
                if (node.getName() != null) {
                    properties.append(properties.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return properties.isEmpty() ? parameter : properties.toString();
    }
}
