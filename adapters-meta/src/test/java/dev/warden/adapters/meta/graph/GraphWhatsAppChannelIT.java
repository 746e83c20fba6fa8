package dev.warden.adapters.meta.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.shared.OrganizationId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WhatsApp alerts through Meta's Cloud API against a real HTTP stand-in: the request, and each class of answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphWhatsAppChannelIT {

    private static final String TOKEN = "meta-token-never-logged";
    private static final String MESSAGES = "/v24.0/106540352242922/messages";

    private final WireMockServer meta = new WireMockServer(options().dynamicPort());
    private GraphWhatsAppChannel channel;

    @BeforeAll
    void start() {
        meta.start();
        GraphSettings graph = new GraphSettings(URI.create(meta.baseUrl() + "/v24.0/"), TOKEN, Duration.ofSeconds(2),
                Duration.ofSeconds(30), 3, Duration.ofSeconds(2), 100);
        channel = new GraphWhatsAppChannel(new GraphHttp(graph), new MetaAlertSettings("106540352242922",
                "warden_alert", "en_US", "https://warden.example.com/", Duration.ofSeconds(2)));
    }

    @AfterAll
    void stop() {
        meta.stop();
    }

    @BeforeEach
    void reset() {
        meta.resetAll();
    }

    private static Notification alert(String text) {
        return Notification.queue(OrganizationId.random(), Optional.of(UUID.randomUUID()), "key", ChannelKind.WHATSAPP,
                "+919812345678", new NotificationMessage(AlertSeverity.CRITICAL, "CRITICAL: QUALITY_DEGRADED", text,
                        Map.of("Severity", "CRITICAL"), "/alerts/42"), 3, Instant.parse("2026-12-01T10:00:00Z"));
    }

    private DeliveryOutcome answer(int status, String body) {
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        return channel.deliver(alert("quality of template order_update is RED"));
    }

    private static String error(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s details"},"fbtrace_id":"AbC"}}"""
                .formatted(code, message, code, message);
    }

    @Test
    void accepted_gives_meta_s_message_id_and_the_request_is_the_alert_template_to_the_number() {
        Notification notification = alert("quality of template order_update\nis RED\t   (was GREEN)");
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200).withBody("""
                {"messaging_product":"whatsapp","contacts":[{"input":"919812345678","wa_id":"919812345678"}],
                 "messages":[{"id":"wamid.HBgLOTE5ODEyMzQ1Njc4FQIAERgSQ0U","message_status":"accepted"}]}""")));

        DeliveryOutcome outcome = channel.deliver(notification);

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(Optional.of("wamid.HBgLOTE5ODEyMzQ1Njc4FQIAERgSQ0U")));
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("919812345678")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("warden_alert")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                .withRequestBody(matchingJsonPath("$.template.components[0].type", equalTo("body")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text",
                        equalTo("CRITICAL: QUALITY_DEGRADED")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text",
                        equalTo("quality of template order_update is RED (was GREEN)")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[2].text",
                        equalTo("https://warden.example.com/alerts/42")))
                .withRequestBody(matchingJsonPath("$.biz_opaque_callback_data", equalTo(notification.id().toString()))));
    }

    @Test
    void meta_s_rate_limits_are_tried_again_later_and_the_pair_rate_not_sooner_than_six_seconds() {
        for (int code : new int[] {4, 80007, 130429}) {
            assertThat(answer(400, error(code, "rate limit hit"))).as("code " + code)
                    .isEqualTo(new DeliveryOutcome.Retryable("Meta answered HTTP 400 with error code " + code
                            + ": (#" + code + ") rate limit hit (rate limit hit details)", Optional.empty()));
        }
        DeliveryOutcome pair = answer(400, error(131056, "pair rate limit hit"));
        assertThat(pair).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) pair).notBefore()).contains(Duration.ofSeconds(6));
    }

    @Test
    void meta_s_5xx_and_a_lost_connection_are_tried_again() {
        assertThat(answer(500, error(131000, "Something went wrong"))).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(answer(503, "<html>upstream down</html>")).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(answer(400, error(131057, "Account in maintenance mode")))
                .isInstanceOf(DeliveryOutcome.Retryable.class);

        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        DeliveryOutcome reset = channel.deliver(alert("x"));
        assertThat(reset).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) reset).error()).contains("cannot reach Meta").doesNotContain(TOKEN);
    }

    @Test
    void an_acceptance_whose_body_trickles_in_past_the_timeout_is_cut_off_and_tried_again() {
        // The headers come at once; the JDK client's own timeout would then wait for the body, however long.
        meta.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                         "messages":[{"id":"wamid.late","message_status":"accepted"}]}""")
                .withChunkedDribbleDelay(50, 10_000)));
        DeliveryOutcome outcome = channel.deliver(alert("x"));
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).error()).contains("cannot reach Meta")
                .contains("HttpTimeoutException");
    }

    @Test
    void an_undeliverable_recipient_fails_for_good_without_saying_the_channel_is_broken() {
        DeliveryOutcome outcome = answer(400, error(131026, "Message undeliverable"));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Permanent("Meta answered HTTP 400 with error code 131026:"
                + " (#131026) Message undeliverable (Message undeliverable details)", false));
    }

    @Test
    void a_missing_template_wrong_parameters_or_a_refused_token_fail_for_good_and_say_the_channel_is_broken() {
        for (int code : new int[] {132001, 132000, 190, 131042}) {
            DeliveryOutcome outcome = answer(code == 190 ? 401 : 400, error(code, "refused"));
            assertThat(outcome).as("code " + code).isInstanceOf(DeliveryOutcome.Permanent.class);
            DeliveryOutcome.Permanent permanent = (DeliveryOutcome.Permanent) outcome;
            assertThat(permanent.channelBroken()).as("code " + code).isTrue();
            assertThat(permanent.error()).contains("code " + code).doesNotContain(TOKEN);
        }
    }

    @Test
    void an_unknown_sending_number_says_the_channel_is_broken() {
        DeliveryOutcome outcome = answer(400, """
                {"error":{"message":"Unsupported post request. Object with ID '106540352242922' does not exist",
                 "type":"GraphMethodException","code":100,"error_subcode":33}}""");

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Permanent.class)
                .matches(o -> ((DeliveryOutcome.Permanent) o).channelBroken());
    }

    @Test
    void rate_limited_then_accepted_sends_once_accepted() {
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody(error(130429, "Rate limit hit")))
                .willSetStateTo("calm"));
        meta.stubFor(post(urlEqualTo(MESSAGES)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("{\"messages\":[{\"id\":\"wamid.2\"}]}")));
        Notification notification = alert("x");

        assertThat(channel.deliver(notification)).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(channel.deliver(notification)).isEqualTo(new DeliveryOutcome.Sent(Optional.of("wamid.2")));
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void parameters_are_one_line_within_the_limit_and_never_empty() {
        assertThat(GraphWhatsAppChannel.parameter("a\n\n b\t\tc     d", 100)).isEqualTo("a b c d");
        assertThat(GraphWhatsAppChannel.parameter(" \n ", 100)).isEqualTo("-");
        String cut = GraphWhatsAppChannel.parameter("x".repeat(5000), GraphWhatsAppChannel.TEXT_LIMIT);
        assertThat(cut).hasSize(GraphWhatsAppChannel.TEXT_LIMIT).endsWith("…");
        assertThat(GraphWhatsAppChannel.TITLE_LIMIT + GraphWhatsAppChannel.TEXT_LIMIT + GraphWhatsAppChannel.LINK_LIMIT)
                .as("room left in Meta's 1,024-character body for the template's own words").isLessThanOrEqualTo(900);
    }
}
