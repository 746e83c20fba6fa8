package dev.warden.adapters.web.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

/** Web adapter: POST /login answers 429 to a client that failed too often (SPEC 8, rate limits on login). */
@ServerFilter("/login")
final class LoginThrottleFilter {

    private final LoginThrottle throttle;
    private final ErrorResponseProcessor<?> errors;

    LoginThrottleFilter(LoginThrottle throttle, ErrorResponseProcessor<?> errors) {
        this.throttle = throttle;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseBlockedClients(HttpRequest<?> request) {
        if (!throttle.blocked(client(request))) {
            return null;
        }
        return errors.processResponse(ErrorContext.builder(request)
                .errorMessage("too many failed logins from this address; try again in a minute").build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60"));
    }

    @ResponseFilter
    void countFailures(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode()) {
            throttle.failed(client(request));
        }
    }

    private static String client(HttpRequest<?> request) {
        // The socket's address, not X-Forwarded-For: a header any client can set would defeat the limit.
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
