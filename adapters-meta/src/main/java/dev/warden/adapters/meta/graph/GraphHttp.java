package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.MetaCallMetrics;
import dev.warden.domain.organization.WabaId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls to Meta's Graph API over the JDK's HTTP client, shared by the template reader and writer.
 * Rate limits are tried again after a doubling wait; network errors and 5xx too, but only for
 * reads: a write may have reached Meta before the answer was lost, and trying it again could act
 * twice. A refused token stops every further call for that WABA (the token is fixed for the
 * process, so until it is replaced). The token goes only into the Authorization header, never into
 * a URL, a message or a log. Every HTTP call, each retry included, is counted by how it ended.
 */
public final class GraphHttp {

    private final GraphSettings settings;
    private final HttpClient http;
    private final Set<WabaId> refused = ConcurrentHashMap.newKeySet();
    private final MetaCallMetrics metrics;

    public GraphHttp(GraphSettings settings) {
        this(settings, MetaCallMetrics.NONE);
    }

    public GraphHttp(GraphSettings settings, MetaCallMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    GraphSettings settings() {
        return settings;
    }

    /** A successful answer, or Meta saying the object does not exist. */
    record Answer(JsonNode body, boolean missing) {
    }

    Answer get(WabaId wabaId, String pathAndQuery) {
        return call(wabaId, pathAndQuery, "GET", null, true);
    }

    Answer post(WabaId wabaId, String pathAndQuery, byte[] json) {
        return call(wabaId, pathAndQuery, "POST", json, false);
    }

    Answer delete(WabaId wabaId, String pathAndQuery) {
        return call(wabaId, pathAndQuery, "DELETE", null, false);
    }

    private Answer call(WabaId wabaId, String pathAndQuery, String method, byte[] json, boolean idempotent) {
        if (!settings.hasToken()) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "no access token for Meta is configured");
        }
        if (refused.contains(wabaId)) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "Meta refused the access token for WABA " + wabaId
                    + " before; no more calls until the token is replaced");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Accept", "application/json");
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest request = builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json)).build();
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request);
            } catch (MetaCallFailed e) {
                if (e.kind() == Kind.ACCESS_DENIED) {
                    refused.add(wabaId);
                }
                boolean again = e.kind() == Kind.RATE_LIMITED || (idempotent && e.kind().retryable());
                if (!again || attempt >= settings.attempts()) {
                    throw e;
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private Answer once(HttpRequest request) {
        try {
            Answer answer = answer(request);
            metrics.answered();
            return answer;
        } catch (MetaCallFailed e) {
            metrics.failed(e.kind());
            throw e;
        }
    }

    /** One exchange with Meta, a network failure or interruption told as Meta being unavailable. */
    static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, URI baseUrl) {
        try {
            return WholeAnswer.send(http, request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MetaCallFailed(Kind.UNAVAILABLE, "cannot reach Meta's Graph API at " + baseUrl
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailed(Kind.UNAVAILABLE, "interrupted while calling Meta");
        }
    }

    private Answer answer(HttpRequest request) {
        HttpResponse<byte[]> response = send(http, request, settings.baseUrl());
        if (response.statusCode() == 200) {
            return new Answer(GraphTemplateReader.json(response.body()), false);
        }
        JsonNode body = readError(response.body());
        if (response.statusCode() == 404 || isUnknownObject(body)) {
            return new Answer(null, true);
        }
        throw GraphErrors.of(response.statusCode(), body, settings.accessToken());
    }

    /** Code 100 with subcode 33: "object does not exist", Meta's answer for an id it does not know. */
    private static boolean isUnknownObject(JsonNode body) {
        JsonNode error = body == null ? null : body.get("error");
        return error != null && "100".equals(MetaJson.text(error.get("code")))
                && "33".equals(MetaJson.text(error.get("error_subcode")));
    }

    private static JsonNode readError(byte[] body) {
        try {
            return GraphTemplateReader.json(body);
        } catch (MetaCallFailed e) {
            // An error page that is not JSON (a proxy's HTML): the HTTP status alone decides.
            return null;
        }
    }

    /**
     * One POST and Meta's raw answer, without the retries and the refused-token memory of the calls
     * above: for a caller that keeps its own retries and reads its own answers (the notification
     * outbox sending WhatsApp alerts). Bounded by {@code timeout}; a network error is UNAVAILABLE.
     */
    HttpResponse<byte[]> postOnce(String pathAndQuery, byte[] json, Duration timeout) {
        if (!settings.hasToken()) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "no access token for Meta is configured");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        try {
            HttpResponse<byte[]> response = WholeAnswer.send(http, request, HttpResponse.BodyHandlers.ofByteArray());
            count(response);
            return response;
        } catch (IOException e) {
            metrics.failed(Kind.UNAVAILABLE);
            throw new MetaCallFailed(Kind.UNAVAILABLE, "cannot reach Meta's Graph API at " + settings.baseUrl()
                    + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailed(Kind.UNAVAILABLE, "interrupted while calling Meta");
        }
    }

    /** A raw answer counted as {@link GraphErrors} would sort it; the caller reads it its own way. */
    private void count(HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 == 2) {
            metrics.answered();
        } else {
            metrics.failed(GraphErrors.of(response.statusCode(), readError(response.body())).kind());
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailed(Kind.UNAVAILABLE, "interrupted while waiting to call Meta again");
        }
    }
}
