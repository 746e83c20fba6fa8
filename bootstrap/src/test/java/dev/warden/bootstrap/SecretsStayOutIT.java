package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Passwords, the JWT signing secret, Meta's app secret and verify token, and access tokens never appear in
 * the log (at the production level, INFO) or in a problem body, whatever goes wrong: failed logins, bad
 * tokens, badly signed webhooks, a database error.
 */
@MicronautTest(transactional = false)
class SecretsStayOutIT extends ApiTest {

    private static final String JWT_SECRET = "secrets-stay-out-jwt-secret-of-48-characters!!";
    private static final String GUESSED_PASSWORD = "guessed password 8u4yz";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Answer> answers = new ArrayList<>();
    private Logger rootLogger;
    private Level previousLevel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.jwt.secret", JWT_SECRET);
        return properties;
    }

    @BeforeEach
    void captureTheLog() {
        rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        previousLevel = rootLogger.getLevel();
        rootLogger.setLevel(Level.INFO);
        log.start();
        rootLogger.addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        rootLogger.detachAppender(log);
        rootLogger.setLevel(previousLevel);
    }

    @Test
    void no_secret_reaches_the_log_or_a_problem_body() {
        String tampered = root.substring(0, root.length() - 4) + "AAAA";
        answers.add(post("/login", Map.of("username", TestPostgres.ROOT_USERNAME, "password", GUESSED_PASSWORD)));
        answers.add(post("/login", Map.of("username", "unknown_user", "password", TestPostgres.ROOT_PASSWORD)));
        answers.add(get("/api/v1/templates", tampered));
        answers.add(get("/api/v1/templates", root + "x"));
        answers.add(get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", null));
        byte[] body = MetaWebhooks.bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[]}");
        answers.add(RawHttp.exchange(http.toBlocking(), HttpRequest.POST("/webhooks/meta", body)
                .contentType("application/json")
                .header("X-Hub-Signature-256", MetaWebhooks.sign("not the secret", body)), null));
        answers.add(get("/test-only/defects/database", root));
        assertThat(answers.get(answers.size() - 1).status()).as("the database error happened").isEqualTo(500);

        List<String> secrets = List.of(TestPostgres.ROOT_PASSWORD, GUESSED_PASSWORD, JWT_SECRET,
                MetaWebhooks.APP_SECRET, MetaWebhooks.OLD_APP_SECRET, MetaWebhooks.VERIFY_TOKEN, root, tampered,
                root.split("\\.")[2]);
        String logged = String.join("\n", log.list.stream().map(this::render).toList());
        assertThat(logged).as("the log saw the database error").contains("no_such_table_for_the_log_test");
        for (String secret : secrets) {
            assertThat(logged).as("the log").doesNotContain(secret);
            answers.forEach(answer -> assertThat(answer.body()).as("a problem body").doesNotContain(secret));
        }
    }

    private String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            text.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private Answer post(String path, Object body) {
        return RawHttp.exchange(http.toBlocking(), HttpRequest.POST(path, body), null);
    }

    private Answer get(String path, String token) {
        return RawHttp.exchange(http.toBlocking(), HttpRequest.GET(path), token);
    }
}
