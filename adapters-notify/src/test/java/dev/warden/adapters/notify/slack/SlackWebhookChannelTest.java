package dev.warden.adapters.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warden.adapters.notify.Notifications;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Slack channel against a real HTTP stand-in: the payload, and each class of Slack's answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackWebhookChannelTest {

    private static final String PATH = "/services/T1/B1/token";
    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private SlackWebhookChannel channel;

    @BeforeAll
    void start() {
        slack.start();
        channel = new SlackWebhookChannel(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "https://warden.example.com/",
                Duration.ofSeconds(2));
    }

    @AfterAll
    void stop() {
        slack.stop();
    }

    @BeforeEach
    void reset() {
        slack.resetAll();
    }

    private DeliveryOutcome answer(int status, String body, String... headers) {
        var response = aResponse().withStatus(status).withBody(body);
        for (int i = 0; i < headers.length; i += 2) {
            response = response.withHeader(headers[i], headers[i + 1]);
        }
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(response));
        return channel.deliver(Notifications.to(ChannelKind.SLACK, slack.baseUrl() + PATH));
    }

    @Test
    void ok_is_sent_and_the_message_has_a_header_fields_and_a_dashboard_link() {
        assertThat(answer(200, "ok")).isEqualTo(new DeliveryOutcome.Sent(Optional.empty()));
        slack.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.text"))
                .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
                .withRequestBody(matchingJsonPath("$.blocks[1].text.text",
                        equalTo("quality of template order_update is RED &amp; falling")))
                .withRequestBody(matchingJsonPath("$.blocks[2].fields[1].text",
                        equalTo("*Template*\norder_update &lt;en&gt;")))
                .withRequestBody(matchingJsonPath("$.blocks[3].elements[0].text",
                        com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "<https://warden.example.com/alerts/"))));
    }

    @Test
    void rate_limited_is_retried_no_sooner_than_retry_after() {
        DeliveryOutcome outcome = answer(429, "rate_limited", "Retry-After", "7");
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).notBefore()).contains(Duration.ofSeconds(7));
    }

    @Test
    void slack_failures_are_retried() {
        assertThat(answer(500, "rollup_error")).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(answer(503, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
    }

    @Test
    void a_bad_payload_is_final_and_a_revoked_or_archived_destination_breaks_the_channel() {
        assertThat(answer(400, "invalid_payload")).isEqualTo(
                new DeliveryOutcome.Permanent("Slack answered 400 invalid_payload", false));
        assertThat(answer(404, "no_team")).isEqualTo(new DeliveryOutcome.Permanent("Slack answered 404 no_team", true));
        assertThat(answer(410, "channel_is_archived")).isInstanceOf(DeliveryOutcome.Permanent.class)
                .matches(o -> ((DeliveryOutcome.Permanent) o).channelBroken());
        assertThat(answer(403, "invalid_token")).matches(o -> ((DeliveryOutcome.Permanent) o).channelBroken());
    }

    @Test
    void an_ok_whose_body_trickles_in_past_the_timeout_is_cut_off_and_retried() {
        // The headers come at once; the JDK client's own timeout would then wait for the body, however long.
        slack.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("ok" + " ".repeat(98))
                .withChunkedDribbleDelay(50, 10_000)));
        DeliveryOutcome outcome = channel.deliver(Notifications.to(ChannelKind.SLACK, slack.baseUrl() + PATH));
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).error()).isEqualTo("Slack unreachable: HttpTimeoutException");
    }

    @Test
    void an_unreachable_slack_is_retried() {
        DeliveryOutcome outcome = channel.deliver(Notifications.to(ChannelKind.SLACK, "http://127.0.0.1:1" + PATH));
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
    }

    @Test
    void long_texts_are_cut_to_slacks_limits() throws Exception {
        String payload = channel.payload(Notifications.to(ChannelKind.SLACK, "x", "t".repeat(400), "x".repeat(5000)));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
        assertThat(json.at("/blocks/0/text/text").asText()).hasSizeLessThanOrEqualTo(SlackWebhookChannel.HEADER_LIMIT);
        assertThat(json.at("/blocks/1/text/text").asText()).hasSizeLessThanOrEqualTo(SlackWebhookChannel.SECTION_LIMIT);
        assertThat(json.at("/text").asText()).hasSizeLessThanOrEqualTo(SlackWebhookChannel.SECTION_LIMIT);
    }
}
