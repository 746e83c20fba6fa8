package dev.warden.adapters.web.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** A throttled login answers 429 with Retry-After (SPEC 8, rate limits on login). */
@Singleton
@Produces
final class TooManyFailedLoginsHandler implements ExceptionHandler<TooManyFailedLogins, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    TooManyFailedLoginsHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, TooManyFailedLogins refused) {
        return errors.processResponse(ErrorContext.builder(request).errorMessage(refused.getMessage()).build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header("Retry-After", String.valueOf(refused.retryAfter().toSeconds())));
    }
}
