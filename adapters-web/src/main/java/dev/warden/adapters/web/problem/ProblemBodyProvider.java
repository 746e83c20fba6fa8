package dev.warden.adapters.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.List;

/** Writes Micronaut's error responses (400, 401, 403, 404, 405, 413, 415, 500 ...) as problem documents. */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        List<String> messages = context.getErrors().stream().map(Error::getMessage).toList();
        int status = response.code();
        String detail = status >= 500 ? "Warden could not complete the request; the server log has the details"
                : messages.isEmpty() ? response.reason() : String.join("; ", messages);
        List<FieldError> fieldErrors = status >= 500 ? List.of() : context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new FieldError(error.getPath().get(), error.getTitle().orElse("INVALID"),
                        error instanceof FieldError field ? field.message() : error.getMessage()))
                .toList();
        return new Problem("about:blank", response.reason(), status, detail, context.getRequest().getPath(),
                status < 500 && messages.size() > 1 ? messages : List.of(), fieldErrors);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
