package dev.warden.adapters.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** A request body a controller refused: 400 with every field at fault. */
@Singleton
@Produces
final class InvalidRequestHandler implements ExceptionHandler<InvalidRequest, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    InvalidRequestHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidRequest exception) {
        return FieldErrorHandlers.badRequest(request, exception, exception.errors(), errors);
    }
}
