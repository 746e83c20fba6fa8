package dev.warden.adapters.web.security;

import dev.warden.adapters.web.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * No password hashing slot came free in time: 503 with Retry-After. The problem is written here
 * because its detail is safe and useful ("try again"), whereas other 5xx problems are generic by
 * design (ProblemBodyProvider).
 */
@Singleton
@Produces
final class PasswordHashingBusyHandler implements ExceptionHandler<PasswordHashingBusy, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, PasswordHashingBusy busy) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.status(status).header("Retry-After", "1").contentType(Problem.CONTENT_TYPE)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), busy.getMessage(),
                        request.getPath(), List.of(), List.of()));
    }
}
