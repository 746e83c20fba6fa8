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
import java.util.regex.Pattern;

/**
 * The API's bodies are small JSON documents, so a body announced larger than {@code warden.api.max-body-size}
 * is refused with a 413 problem before anything reads it. The server-wide {@code micronaut.server.max-request-size}
 * stays larger because Meta's webhook deliveries reach 3 MB; it still bounds a chunked body of unknown length.
 * The one bulk body, a campaign's recipients (up to 1,000 per call, each with its parameters), has its own
 * larger limit, {@code warden.api.max-recipients-body-size}.
 */
@ServerFilter(patterns = {"/api/**", "/login", "/login/**"})
final class ApiBodyLimit {

    private static final Pattern RECIPIENTS = Pattern.compile("/api/v1/campaigns/[^/]+/recipients/?");

    private final long maxBytes;
    private final long maxRecipientsBytes;
    private final ErrorResponseProcessor<?> errors;

    ApiBodyLimit(@Value("${warden.api.max-body-size:64KB}") @ReadableBytes long maxBytes,
                 @Value("${warden.api.max-recipients-body-size:2MB}") @ReadableBytes long maxRecipientsBytes,
                 ErrorResponseProcessor<?> errors) {
        this.maxBytes = maxBytes;
        this.maxRecipientsBytes = maxRecipientsBytes;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseLargeBodies(HttpRequest<?> request) {
        long length = request.getContentLength();
        long limit = RECIPIENTS.matcher(request.getPath()).matches() ? maxRecipientsBytes : maxBytes;
        if (length <= limit) {
            return null;
        }
        return errors.processResponse(ErrorContext.builder(request).errorMessage("the body has " + length
                + " bytes; this API accepts at most " + limit).build(),
                HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE));
    }
}
