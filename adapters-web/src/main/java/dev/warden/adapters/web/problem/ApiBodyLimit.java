package dev.warden.adapters.web.problem;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/**
 * The API's bodies are small JSON documents, so a body announced larger than {@code warden.api.max-body-size}
 * is refused with a 413 problem before anything reads it. The server-wide {@code micronaut.server.max-request-size}
 * stays larger because Meta's webhook deliveries reach 3 MB; it still bounds a chunked body of unknown length.
 */
@ServerFilter(patterns = {"/api/**", "/login", "/login/**"})
final class ApiBodyLimit {

    private final long maxBytes;
    private final ErrorResponseProcessor<?> errors;

    ApiBodyLimit(@Value("${warden.api.max-body-size:64KB}") @ReadableBytes long maxBytes,
                 ErrorResponseProcessor<?> errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseLargeBodies(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length <= maxBytes) {
            return null;
        }
        return errors.processResponse(ErrorContext.builder(request).errorMessage("the body has " + length
                + " bytes; this API accepts at most " + maxBytes).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
