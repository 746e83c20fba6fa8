package dev.warden.adapters.web.server;

import dev.warden.adapters.web.problem.Problem;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The problem documents the guards answer with below the routes, where Micronaut's error handling does not reach:
 * written once at start, with the API's own mapper and {@link Problem}, so they read as every other problem does.
 */
record RefusalBodies(byte[] busy, byte[] late) {

    static RefusalBodies writtenBy(JsonMapper json) {
        return new RefusalBodies(
                write(json, new Problem("about:blank", "Service Unavailable", 503, "Warden is reading as many request"
                        + " bodies as it may hold at once; retry after Retry-After seconds", null, List.of())),
                write(json, new Problem("about:blank", "Request Timeout", 408,
                        "the request's body did not arrive in time", null, List.of())));
    }

    private static byte[] write(JsonMapper json, Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
