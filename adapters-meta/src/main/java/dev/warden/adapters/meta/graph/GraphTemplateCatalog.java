package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.adapters.meta.webhook.MetaJson;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaCallFailed.Kind;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaTemplatePage;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.MetaWebhookSubscriptions;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.MetaTemplateId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Graph API's template endpoints over the JDK's HTTP client. Rate limits, network errors and
 * 5xx are tried again after a doubling wait; a refused token stops every further call for that
 * WABA (the token is fixed for the process, so until it is replaced) without asking Meta again.
 * The token goes only into the Authorization header, never into a URL, a message or a log.
 */
public final class GraphTemplateCatalog implements MetaTemplateCatalog, MetaWebhookSubscriptions {

    /**
     * What reconciliation compares (§5.1). Components are not asked for: content is not reconciled,
     * and they are most of a page's size.
     */
    static final String FIELDS = "id,name,language,status,category,quality_score,rejected_reason,"
            + "parameter_format,previous_category,correct_category,sub_category,library_template_name";
    private static final String SUMMARY = "total_count,message_template_count,message_template_limit";

    private final GraphSettings settings;
    private final HttpClient http;
    private final Set<WabaId> refused = ConcurrentHashMap.newKeySet();

    public GraphTemplateCatalog(GraphSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean configured() {
        return settings.hasToken();
    }

    @Override
    public MetaTemplatePage page(WabaId wabaId, String after) {
        String query = "fields=" + encode(FIELDS) + "&limit=" + settings.pageSize() + "&summary=" + encode(SUMMARY)
                + (after == null ? "" : "&after=" + encode(after));
        Answer answer = call(wabaId, "/" + wabaId.value() + "/message_templates?" + query);
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return GraphTemplateReader.page(answer.body());
    }

    @Override
    public Optional<MetaTemplateView> template(WabaId wabaId, MetaTemplateId id) {
        Answer answer = call(wabaId, "/" + id.value() + "?fields=" + encode(FIELDS));
        if (answer.missing()) {
            return Optional.empty();
        }
        return Optional.of(GraphTemplateReader.template(answer.body(), "template " + id));
    }

    @Override
    public Subscribed subscribedApps(WabaId wabaId) {
        Answer answer = call(wabaId, "/" + wabaId.value() + "/subscribed_apps");
        if (answer.missing()) {
            throw new MetaCallFailed(Kind.REFUSED, "Meta does not know WABA " + wabaId + " (or the token cannot see it)");
        }
        return GraphTemplateReader.subscribedApps(answer.body());
    }

    /** A successful answer, or Meta saying the object does not exist. */
    private record Answer(JsonNode body, boolean missing) {
    }

    private Answer call(WabaId wabaId, String pathAndQuery) {
        if (!settings.hasToken()) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "no access token for Meta is configured");
        }
        if (refused.contains(wabaId)) {
            throw new MetaCallFailed(Kind.ACCESS_DENIED, "Meta refused the access token for WABA " + wabaId
                    + " before; no more calls until the token is replaced");
        }
        URI uri = URI.create(settings.baseUrl() + pathAndQuery);
        Duration wait = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return once(uri);
            } catch (MetaCallFailed e) {
                if (e.kind() == Kind.ACCESS_DENIED) {
                    refused.add(wabaId);
                }
                if (!e.kind().retryable() || attempt >= settings.attempts()) {
                    throw e;
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private Answer once(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MetaCallFailed(Kind.UNAVAILABLE, "cannot reach Meta's Graph API at " + settings.baseUrl()
                    + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailed(Kind.UNAVAILABLE, "interrupted while calling Meta");
        }
        if (response.statusCode() == 200) {
            return new Answer(GraphTemplateReader.json(response.body()), false);
        }
        JsonNode body = readError(response.body());
        if (response.statusCode() == 404 || isUnknownObject(body)) {
            return new Answer(null, true);
        }
        throw GraphErrors.of(response.statusCode(), body);
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

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetaCallFailed(Kind.UNAVAILABLE, "interrupted while waiting to call Meta again");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
