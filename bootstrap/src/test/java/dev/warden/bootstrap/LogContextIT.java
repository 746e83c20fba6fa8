package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ids in Warden's JSON log lines, captured with the JSON encoder logback.xml uses: a request's
 * id (the caller's X-Request-Id when it is a safe token, else a new one, echoed in the response),
 * a dead letter's change and delivery ids, a notification try's notification id; and no secret.
 */
@MicronautTest(transactional = false)
class LogContextIT extends ApiTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private final JsonLines lines = new JsonLines();

    /** Every event of the application's logback, as the JSON appender would write it. */
    static final class JsonLines extends AppenderBase<ILoggingEvent> {
        final List<String> written = new CopyOnWriteArrayList<>();
        private final JsonEncoder encoder = new JsonEncoder();

        @Override
        public void start() {
            encoder.setContext(getContext());
            encoder.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            written.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
        }

        List<String> with(String text) {
            return written.stream().filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        if (!slack.isRunning()) {
            slack.start();
            slack.stubFor(post(urlPathMatching("/services/.*")).willReturn(aResponse().withStatus(404)
                    .withBody("no_service")));
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.allow-plain-http-slack", "true");
        return properties;
    }

    @BeforeAll
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        lines.setContext(context);
        lines.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(lines);
    }

    @AfterAll
    void release() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(lines);
        slack.stop();
    }

    private static String mdc(String key, String value) {
        return "\"" + key + "\":\"" + value + "\"";
    }

    @Test
    void a_request_carries_the_callers_safe_id_in_its_lines_and_its_answer() {
        HttpClientResponseException failed = catchThrowableOfType(HttpClientResponseException.class, () -> http
                .toBlocking().exchange(HttpRequest.GET("/test-only/defects/illegal-state").bearerAuth(root)
                        .header("X-Request-Id", "trace-4711")));

        assertThat(failed.getStatus().getCode()).isEqualTo(500);
        assertThat(failed.getResponse().getHeaders().get("X-Request-Id")).isEqualTo("trace-4711");
        Eventually.holds(() -> assertThat(lines.with(mdc("requestId", "trace-4711")))
                .as("the internal error's line").anySatisfy(line -> assertThat(line)
                        .contains("IllegalStateException")));
    }

    @Test
    void an_unsafe_or_missing_id_is_replaced_by_a_new_one() {
        HttpResponse<?> unsafe = http.toBlocking().exchange(HttpRequest.GET("/health")
                .header("X-Request-Id", "<script>alert(1)</script>"));
        HttpResponse<?> none = http.toBlocking().exchange(HttpRequest.GET("/health"));

        assertThat(unsafe.getHeaders().get("X-Request-Id")).matches(UUID);
        assertThat(none.getHeaders().get("X-Request-Id")).matches(UUID)
                .isNotEqualTo(unsafe.getHeaders().get("X-Request-Id"));
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/organizations")
                        .header("X-Request-Id", "refused-1")));
        assertThat(refused.getResponse().getHeaders().get("X-Request-Id")).as("a 401 too").isEqualTo("refused-1");
    }

    @Test
    void a_dead_letter_line_carries_its_change_and_delivery_ids() {
        TestOrganization organization = TestOrganization.create(api, root, "Log dead letter");
        // PostgreSQL cannot store a NUL: the change is kept as a dead letter.
        byte[] body = MetaWebhooks.bytes(MetaWebhooks.envelope(organization.waba(), 5000,
                "message_template_status_update",
                "{\"event\":\"APPROVED\",\"message_template_id\":6101,\"message_template_name\":\"a\\u0000b\"}"));
        assertThat(api.postWebhook(body, MetaWebhooks.sign(body)).status()).isEqualTo(200);

        Eventually.holds(() -> assertThat(lines.with("dead letter")).filteredOn(line -> line.contains(
                organization.waba())).singleElement().satisfies(line -> assertThat(line)
                .containsPattern("\"changeId\":\"[0-9]+\"").containsPattern("\"deliveryId\":\"[0-9]+\"")));
    }

    @Test
    void a_notification_try_carries_its_notification_id_and_no_secret() {
        Tenant tenant = new Tenant(api, root, "650001");
        String slackPath = "/services/T0/B0/log-secret-" + tenant.waba;
        assertThat(api.put("/api/v1/notification-preferences", tenant.admin, Map.of(
                "routes", List.of("MEDIUM", "HIGH", "CRITICAL").stream()
                        .map(severity -> Map.of("severity", severity, "channels", List.of("SLACK"))).toList(),
                "slack", Map.of("webhookUrl", slack.baseUrl() + slackPath))).status()).isEqualTo(200);

        tenant.webhook("650001", "PAUSED", 3000);

        Eventually.holds(() -> assertThat(lines.with("refused for good"))
                .filteredOn(line -> line.contains(mdc("organizationId", tenant.org))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("\"notificationId\":\"" + UUID.pattern() + "\"")
                        .doesNotContain(slackPath)));
        assertThat(lines.written).noneSatisfy(line -> assertThat(line).containsAnyOf(MetaWebhooks.APP_SECRET,
                TestPostgres.ROOT_PASSWORD, root, slackPath));
    }
}
