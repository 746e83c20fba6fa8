package dev.warden.adapters.web.problem;

import dev.warden.domain.shared.InvalidValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A value object refused a request value (a malformed id, an unknown role, a bad template name):
 * the client sent something wrong, so 400 with the value object's message. Only {@link InvalidValue}:
 * any other IllegalArgumentException is a defect, answered 500 without its message and logged.
 */
@Singleton
@Produces
final class InvalidValueHandler implements ExceptionHandler<InvalidValue, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    InvalidValueHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidValue exception) {
        return DomainExceptionHandler.problem(request, exception, HttpStatus.BAD_REQUEST, errors);
    }
}
