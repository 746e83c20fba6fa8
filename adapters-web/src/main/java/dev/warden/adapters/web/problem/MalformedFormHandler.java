package dev.warden.adapters.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.inject.Singleton;

/**
 * A form body Netty's decoder cannot read (a broken percent escape such as {@code %zz}): 400, not the 500 Micronaut
 * answers for an exception it has no handler for. POST /login reads forms as well as JSON. The decoder's message
 * quotes the whole body, a password included, so the answer names the fault without it.
 */
@Singleton
@Produces
final class MalformedFormHandler
        implements ExceptionHandler<HttpPostRequestDecoder.ErrorDataDecoderException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    MalformedFormHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HttpPostRequestDecoder.ErrorDataDecoderException exception) {
        return errors.processResponse(ErrorContext.builder(request)
                .errorMessage("the body is not valid application/x-www-form-urlencoded (a broken percent escape)")
                .build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
    }
}
