package dev.warden.adapters.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A value object refused a request value (a malformed id, an unknown role, a bad template name):
 * the client sent something wrong, so 400 with the value object's message.
 */
@Singleton
@Produces
final class InvalidValueHandler implements ExceptionHandler<IllegalArgumentException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    InvalidValueHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException exception) {
        return DomainExceptionHandler.problem(request, exception, HttpStatus.BAD_REQUEST, errors);
    }
}
