package dev.warden.adapters.web;

import static io.micronaut.http.annotation.Filter.MATCH_ALL_PATTERN;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Gives every request an id ({@link RequestId}) and echoes it in the {@code X-Request-Id} response
 * header, so a caller can quote it. Every log line written while the request is handled carries it
 * as {@code requestId} in the MDC ({@link RequestIdContext}): it travels in Micronaut's propagated
 * context to whichever thread runs the controller, and is never left on the event loop's thread.
 * First of all filters, so the refusals of the others (401, 413) carry it too.
 */
@ServerFilter(MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "warden.requestId";

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void tag(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestId.accept(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        context.add(new RequestIdContext(id));
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }
}
