package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Without WARDEN_META_ACCESS_TOKEN (the tests' default) Warden starts, says loudly that
 * reconciliation is off, and refuses a sync with a clear problem instead of a job that can only fail.
 */
@MicronautTest(transactional = false)
class MissingAccessTokenIT extends ApiTest {

    private static final Logger LOGGER = (Logger) LoggerFactory.getLogger(MetaGraphAccess.class);
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    static {
        // Attached before the application context (and its start-up warning) exists.
        LOG.start();
        LOGGER.addAppender(LOG);
    }

    @AfterAll
    void detach() {
        LOGGER.detachAppender(LOG);
    }

    @Test
    void a_warning_at_start_and_the_health_details_say_reconciliation_is_off() {
        assertThat(LOG.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("WARDEN_META_ACCESS_TOKEN")
                    .contains("reconciliation with Meta is off");
        });
        Reply health = api.get("/health", root);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(HealthIT.details(health).get(MetaGraphAccess.NAME).toString())
                .contains("missing").contains("reconciliation=off");
    }

    @Test
    void a_sync_is_refused_with_a_problem_naming_the_setting() {
        String waba = MetaWebhooks.randomWaba();
        String org = api.post("/api/v1/organizations", root, Map.of("name", "No token " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));

        Reply refused = api.post("/api/v1/whatsapp-accounts/" + waba + "/sync", root, Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("WARDEN_META_ACCESS_TOKEN");
    }

    @Test
    void a_submission_is_refused_with_a_problem_naming_the_setting_and_the_draft_stays() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("no_token_yet");

        Reply refused = api.post("/api/v1/templates/" + draft + "/submit", tenant.admin, Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("WARDEN_META_ACCESS_TOKEN").contains("submit");
        assertThat(api.get("/api/v1/templates/" + draft, tenant.viewer).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void an_unpause_or_unarchive_is_refused_with_a_problem_naming_the_setting_and_the_template_stays() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String paused = tenant.fromMeta("770001", "APPROVED");
        tenant.webhook(MetaWebhooks.envelope(tenant.waba, 2000, "message_template_status_update", """
                {"event":"PAUSED","message_template_id":770001,"message_template_name":"order_update",
                 "message_template_language":"en-US","other_info":{"title":"RATE_LIMITING_PAUSE"}}"""));
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + paused, tenant.viewer).text("status"))
                .isEqualTo("PAUSED"));
        String archived = tenant.fromMeta("770002", "ARCHIVED");

        Reply unpause = api.post("/api/v1/templates/" + paused + "/unpause", tenant.admin, Map.of());
        Reply unarchive = api.post("/api/v1/templates/" + archived + "/unarchive", tenant.admin, Map.of());

        assertThat(unpause.status()).isEqualTo(409);
        assertThat(unpause.text("detail")).contains("WARDEN_META_ACCESS_TOKEN", "unpause");
        assertThat(unarchive.status()).isEqualTo(409);
        assertThat(unarchive.text("detail")).contains("WARDEN_META_ACCESS_TOKEN", "unarchive");
        assertThat(api.get("/api/v1/templates/" + paused, tenant.viewer).text("status")).isEqualTo("PAUSED");
        assertThat(api.get("/api/v1/templates/" + archived, tenant.viewer).text("status")).isEqualTo("ARCHIVED");
    }
}
