package dev.warden.adapters.notify.myoperator;

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

/** The MyOperator channel against a real HTTP stand-in: request shape, and each class of answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyOperatorWhatsAppChannelTest {

    private final WireMockServer myOperator = new WireMockServer(options().dynamicPort());
    private MyOperatorWhatsAppChannel channel;

    @BeforeAll
    void start() {
        myOperator.start();
        channel = new MyOperatorWhatsAppChannel(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), new MyOperatorSettings(
                myOperator.baseUrl() + "/", "api-key-1", "68384350414b9847", "109000", "warden_alert", "en",
                "https://warden.example.com", Duration.ofSeconds(2)));
    }

    @AfterAll
    void stop() {
        myOperator.stop();
    }

    @BeforeEach
    void reset() {
        myOperator.resetAll();
    }

    private DeliveryOutcome answer(int status, String body) {
        myOperator.stubFor(post(urlEqualTo("/chat/messages")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
        return channel.deliver(Notifications.to(ChannelKind.WHATSAPP, "+919812345678"));
    }

    @Test
    void accepted_gives_the_message_id_and_the_number_is_split_into_country_code_and_national_number() {
        DeliveryOutcome outcome = answer(200, """
                {"status":"success","code":"200","message":"Accepted",
                 "data":{"conversation_id":"c-1","message_id":"3f0c-message"}}""");

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(Optional.of("3f0c-message")));
        myOperator.verify(postRequestedFor(urlEqualTo("/chat/messages"))
                .withHeader("Authorization", equalTo("Bearer api-key-1"))
                .withHeader("X-MYOP-COMPANY-ID", equalTo("68384350414b9847"))
                .withRequestBody(matchingJsonPath("$.phone_number_id", equalTo("109000")))
                .withRequestBody(matchingJsonPath("$.customer_country_code", equalTo("91")))
                .withRequestBody(matchingJsonPath("$.customer_number", equalTo("9812345678")))
                .withRequestBody(matchingJsonPath("$.data.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.data.context.template_name", equalTo("warden_alert")))
                .withRequestBody(matchingJsonPath("$.data.context.language", equalTo("en")))
                .withRequestBody(matchingJsonPath("$.data.context.body.1", equalTo("CRITICAL: QUALITY_DEGRADED"))));
    }

    @Test
    void an_empty_wallet_or_a_disabled_account_stops_the_channel_instead_of_retrying() {
        for (String code : new String[] {"CHAT_4001", "CHAT_0302", "CHAT_0303", "CHAT_0304"}) {
            DeliveryOutcome outcome = answer(400, "{\"status\":\"error\",\"code\":\"" + code + "\",\"message\":\"no\"}");
            assertThat(outcome).as(code).isInstanceOf(DeliveryOutcome.Permanent.class)
                    .matches(o -> ((DeliveryOutcome.Permanent) o).channelBroken());
        }
        assertThat(answer(200, "{\"status\":\"error\",\"code\":\"CHAT_4001\"}"))
                .as("an error in a 200 body counts too").isInstanceOf(DeliveryOutcome.Permanent.class);
    }

    @Test
    void refused_credentials_stop_the_channel() {
        assertThat(answer(401, "{\"message\":\"Unauthorized\"}")).matches(o -> o instanceof DeliveryOutcome.Permanent p
                && p.channelBroken());
        assertThat(answer(403, "{\"Message\":\"explicit deny\"}")).matches(o -> o instanceof DeliveryOutcome.Permanent p
                && p.channelBroken());
    }

    @Test
    void the_gateways_bare_500_is_retried_and_a_bad_request_is_final() {
        assertThat(answer(500, "{\"message\":null}")).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(answer(502, "")).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(answer(422, "{\"status\":\"error\",\"code\":\"CHAT_1000\"}")).matches(
                o -> o instanceof DeliveryOutcome.Permanent p && !p.channelBroken());
    }

    @Test
    void a_success_whose_body_trickles_in_past_the_timeout_is_cut_off_and_retried() {
        // The headers come at once; the JDK client's own timeout would then wait for the body, however long.
        myOperator.stubFor(post(urlEqualTo("/chat/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status":"success","code":200,"message":"Message queued","data":{"message_id":"late"}}""")
                .withChunkedDribbleDelay(50, 10_000)));
        DeliveryOutcome outcome = channel.deliver(Notifications.to(ChannelKind.WHATSAPP, "+919812345678"));
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).error())
                .isEqualTo("MyOperator unreachable: HttpTimeoutException");
    }

    @Test
    void a_number_that_is_not_e164_is_final_without_a_call() {
        DeliveryOutcome outcome = channel.deliver(Notifications.to(ChannelKind.WHATSAPP, "not a number"));
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Permanent.class);
        myOperator.verify(0, postRequestedFor(urlEqualTo("/chat/messages")));
    }
}
