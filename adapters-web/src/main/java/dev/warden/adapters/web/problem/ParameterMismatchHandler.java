package dev.warden.adapters.web.problem;

import dev.warden.domain.template.parameter.ParameterMismatch;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Values that do not fit a template (missing, extra, malformed): 400 naming each. */
@Singleton
@Produces
final class ParameterMismatchHandler implements ExceptionHandler<ParameterMismatch, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ParameterMismatchHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ParameterMismatch exception) {
        return FieldErrorHandlers.badRequest(request, exception, FieldErrorHandlers.of(exception), errors);
    }
}
