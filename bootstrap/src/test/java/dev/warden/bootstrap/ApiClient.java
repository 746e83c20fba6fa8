package dev.warden.bootstrap;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.Map;

/** Calls Warden's HTTP API as a client would, returning status and JSON body even for errors. */
final class ApiClient {

    private final BlockingHttpClient http;

    ApiClient(BlockingHttpClient http) {
        this.http = http;
    }

    /** A response: status code and body as a JSON object (problem documents included). */
    record Reply(int status, Map<String, Object> body, String contentType) {

        String text(String field) {
            Object value = body.get(field);
            return value == null ? null : value.toString();
        }
    }

    String login(String username, String password) {
        Reply reply = post("/login", null, Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply);
        }
        return reply.text("access_token");
    }

    Reply post(String path, String token, Object body) {
        return exchange(HttpRequest.POST(path, body), token);
    }

    Reply postRaw(String path, String token, String json) {
        return exchange(HttpRequest.POST(path, json).contentType("application/json"), token);
    }

    /** A webhook POST as Meta sends it: raw bytes, signature header (omitted when null). */
    Reply postWebhook(byte[] body, String signature) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/webhooks/meta", body).contentType("application/json");
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return exchange(request, null);
    }

    Reply patch(String path, String token, Object body) {
        return exchange(HttpRequest.PATCH(path, body), token);
    }

    Reply patchRaw(String path, String token, String json) {
        return exchange(HttpRequest.PATCH(path, json).contentType("application/json"), token);
    }

    Reply put(String path, String token, Object body) {
        return exchange(HttpRequest.PUT(path, body), token);
    }

    Reply putRaw(String path, String token, String json) {
        return exchange(HttpRequest.PUT(path, json).contentType("application/json"), token);
    }

    Reply get(String path, String token) {
        return exchange(HttpRequest.GET(path), token);
    }

    Reply delete(String path, String token) {
        return exchange(HttpRequest.DELETE(path), token);
    }

    private Reply exchange(MutableHttpRequest<?> request, String token) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<Map<String, Object>> response = http.exchange(request, Argument.mapOf(String.class,
                    Object.class));
            return new Reply(response.code(), response.getBody().orElse(Map.of()),
                    response.getContentType().map(Object::toString).orElse(""));
        } catch (HttpClientResponseException e) {
            return new Reply(e.code(), e.getResponse().getBody(Argument.mapOf(String.class, Object.class))
                    .orElse(Map.of()), e.getResponse().getContentType().map(Object::toString).orElse(""));
        } catch (HttpClientException e) {
            // No answer at all (read timeout, connection refused): a property test then reports this
            // reply, with the cause, next to the falsifying input instead of an exception QuickTheories
            // shrinks without saying what went wrong.
            return new Reply(0, Map.of("transportError", e.getClass().getSimpleName() + ": " + e.getMessage()), "");
        }
    }
}
