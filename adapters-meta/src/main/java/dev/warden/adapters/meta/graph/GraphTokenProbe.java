package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Asks Meta whom the configured access token belongs to ({@code GET /me?fields=id,name}), once and
 * without retries, for {@code warden doctor}. {@code /me} rather than {@code /debug_token}: that one
 * wants the token in the query string as well, and the token travels only in the Authorization
 * header. A refused token (code 190 when it expired or was revoked) is {@link Kind#ACCESS_DENIED}.
 */
public final class GraphTokenProbe {

    private final GraphSettings settings;
    private final HttpClient http;

    public GraphTokenProbe(GraphSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The name (or id) Meta knows the token's owner by.
     *
     * @throws MetaCallFailed what kept Meta from answering, sorted as every Graph call's failures are
     */
    public String owner() {
        if (!settings.hasToken()) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "no access token for Meta is configured");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/me?fields=id,name"))
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = GraphHttp.send(http, request, settings.baseUrl());
        if (response.statusCode() != 200) {
            throw GraphErrors.of(response.statusCode(), errorBody(response.body()), settings.accessToken());
        }
        JsonNode me = GraphTemplateReader.json(response.body());
        String name = MetaJson.text(me.get("name"));
        String id = MetaJson.text(me.get("id"));
        if (name == null && id == null) {
            throw new MetaCallFailed(Kind.MALFORMED_RESPONSE, "Meta's answer to /me names nobody");
        }
        return name == null ? id : GraphErrors.shorten(name) + (id == null ? "" : " (" + id + ")");
    }

    private static JsonNode errorBody(byte[] body) {
        try {
            return GraphTemplateReader.json(body);
        } catch (MetaCallFailed e) {
            // A proxy's HTML error page: the HTTP status alone decides.
            return null;
        }
    }
}
