package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real HTTP server standing in for Meta's Graph API, answering as meta-platform.md §5 says:
 * {@code GET /v24.0/{WABA_ID}/message_templates} pages with {@code data}, {@code paging.cursors.after}
 * and {@code paging.next}, ids as strings, errors as {@code {"error":{"code",...}}}.
 */
final class GraphApi {

    static final String TOKEN = "test-graph-token-never-logged";
    static final String VERSION = "/v24.0";

    private static WireMockServer server;

    private GraphApi() {
    }

    /** The shared stand-in; any WABA not stubbed is refused with code 100, so it changes nothing. */
    static synchronized WireMockServer server() {
        if (server == null) {
            // One that can also keep calls waiting, as ChannelOutagesIT has a silent Meta do.
            server = ChannelStandIns.standIn();
            server.start();
            server.stubFor(get(urlPathMatching(VERSION + "/.*")).atPriority(10).willReturn(error(400, 100,
                    "Unsupported get request.")));
        }
        return server;
    }

    static String url() {
        return server().baseUrl() + VERSION;
    }

    /** One template node of a list, as Meta writes it. */
    static String template(String id, String name, String status, String category, String quality) {
        return """
                {"name":"%s","parameter_format":"POSITIONAL","components":[{"type":"BODY","text":"Hello {{1}}",
                "example":{"body_text":[["Pablo"]]}}],"language":"en_US","status":"%s","category":"%s",
                "quality_score":{"score":"%s","date":1732612225},"id":"%s"}""".formatted(name, status, category,
                quality, id);
    }

    /** A list page: {@code after} is the cursor of the next page, null on the last page. */
    static String page(String waba, String after, String... templates) {
        String paging = after == null
                ? "{\"cursors\":{\"before\":\"QVFIUb\",\"after\":\"QVFIUe\"}}"
                : "{\"cursors\":{\"before\":\"QVFIUb\",\"after\":\"%s\"},\"next\":\"%s/%s/message_templates?limit=100&after=%s\"}"
                        .formatted(after, url(), waba, after);
        return "{\"data\":[" + List.of(templates).stream().collect(Collectors.joining(",")) + "],\"paging\":" + paging
                + ",\"summary\":{\"total_count\":" + templates.length + ",\"message_template_limit\":6000}}";
    }

    /** Stubs the page of the WABA's list asked for with {@code cursor} (null: the first page). */
    static MappingBuilder listPage(String waba, String cursor) {
        MappingBuilder list = get(urlPathEqualTo(VERSION + "/" + waba + "/message_templates"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN));
        return cursor == null ? list.withQueryParam("after", absent()) : list.withQueryParam("after", equalTo(cursor));
    }

    static void stubPage(String waba, String cursor, String body) {
        server().stubFor(listPage(waba, cursor).willReturn(ok(body)));
    }

    /** Stubs {@code GET /{WABA_ID}/subscribed_apps}: the apps Meta sends the WABA's webhooks to. */
    static void stubSubscribedApps(String waba, ResponseDefinitionBuilder answer) {
        server().stubFor(get(urlPathEqualTo(VERSION + "/" + waba + "/subscribed_apps"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(answer));
    }

    /** Stubs {@code GET /{WABA_ID}/phone_numbers}: the WABA's business phone numbers, one page. */
    static void stubPhoneNumbers(String waba, List<String> phoneNumberIds) {
        String data = phoneNumberIds.stream().map(id -> "{\"verified_name\":\"Test\",\"display_phone_number\":"
                + "\"+1 555-000-1111\",\"id\":\"" + id + "\",\"quality_rating\":\"GREEN\"}")
                .collect(Collectors.joining(","));
        server().stubFor(get(urlPathEqualTo(VERSION + "/" + waba + "/phone_numbers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)).willReturn(ok("{\"data\":[" + data
                        + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUb\",\"after\":\"QVFIUe\"}}}")));
    }

    static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder error(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"fbtrace_id":"AbCdEf"}}"""
                .formatted(code, message, code));
    }

    static int listCalls(String waba) {
        return server().countRequestsMatching(getRequestedFor(urlPathEqualTo(VERSION + "/" + waba
                + "/message_templates")).build()).getCount();
    }
}
