package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Without WARDEN_META_APP_SECRET Warden still starts, but says loudly that every delivery will be refused. */
@MicronautTest(transactional = false)
class MissingAppSecretIT extends ApiTest {

    private static final Logger LOGGER = (Logger) LoggerFactory.getLogger(MetaWebhookSecrets.class);
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    static {
        // Attached before the application context (and its start-up warning) exists.
        LOG.start();
        LOGGER.addAppender(LOG);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.app-secret", " ");
        return properties;
    }

    @AfterAll
    void detach() {
        LOGGER.detachAppender(LOG);
    }

    @Test
    void a_warning_at_start_names_the_consequence() {
        assertThat(LOG.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("WARDEN_META_APP_SECRET")
                    .contains("every webhook delivery will be refused with 401 until");
        });
    }

    @Test
    void health_stays_up_and_its_details_say_the_secret_is_missing() {
        assertThat(api.get("/health", null).text("status")).isEqualTo("UP");

        Reply health = api.get("/health", root);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(HealthIT.details(health).get(MetaWebhookSecrets.NAME).toString())
                .contains("missing").contains("WARDEN_META_APP_SECRET");
    }
}
