package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.SaveNotificationPreferencesUseCase;
import dev.warden.bootstrap.cli.Arguments;
import dev.warden.bootstrap.cli.Contexts;
import dev.warden.bootstrap.cli.WardenCommand;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.notification.NotificationPreferences.WhatsAppProvider;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code warden doctor} against real stand-ins: a database of its own on the tests' PostgreSQL,
 * WireMock for Meta's Graph API, Slack and MyOperator, GreenMail for SMTP. One test per kind of
 * outcome: all well, a token Meta refuses, hosts out of reach, SMTP credentials refused, and what
 * is merely not configured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorIT {

    private static final String TOKEN = "doctor-token-never-printed";
    private static final String SMTP_PASSWORD = "smtp password never printed";
    private static final String API_KEY = "myoperator-key-never-printed";
    private static final String SLACK_PATH = "/services/T0D/B0D/doctor-secret-path";

    private final WireMockServer standIn = new WireMockServer(options().dynamicPort());
    private GreenMail smtp;

    record Run(int exitCode, String out, String err) {
        String line(String subject) {
            return out.lines().filter(line -> line.substring(6).startsWith(subject)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + subject + " in:\n" + out));
        }
    }

    @BeforeAll
    void start() {
        standIn.start();
        standIn.stubFor(get(urlPathEqualTo("/v24.0/me")).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"61550000001\",\"name\":\"Warden system user\"}")));
        standIn.stubFor(get(urlPathEqualTo("/v24.0/me")).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Error validating access token: Session has expired on Tuesday.",
                        "type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf"}}""")));
        standIn.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(404)));
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("warden@example.com", "warden",
                        SMTP_PASSWORD));
        smtp.start();
    }

    @AfterAll
    void stop() {
        standIn.stop();
        smtp.stop();
    }

    @Test
    void a_healthy_installation_is_ok_line_by_line_and_no_secret_is_printed() throws SQLException {
        List<String> database = freshDatabase();
        assertThat(warden(database, "migrate").exitCode()).isZero();
        withSlackUrl(database, standIn.baseUrl() + SLACK_PATH);

        Run run = warden(database, "doctor", "--warden.meta.graph-url=" + standIn.baseUrl() + "/v24.0",
                "--warden.meta.access-token=" + TOKEN, "--warden.smtp.host=127.0.0.1",
                "--warden.smtp.port=" + smtp.getSmtp().getPort(), "--warden.smtp.starttls=false",
                "--warden.smtp.username=warden", "--warden.smtp.password=" + SMTP_PASSWORD,
                "--warden.myoperator.url=" + standIn.baseUrl(), "--warden.myoperator.api-key=" + API_KEY,
                "--warden.myoperator.company-id=42", "--warden.myoperator.phone-number-id=99");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.line("database")).startsWith("OK").contains("schema up to date");
        assertThat(run.line("meta token")).startsWith("OK").contains("Warden system user");
        assertThat(run.line("smtp")).startsWith("OK").contains("signed in as warden");
        assertThat(run.line("slack " + standIn.baseUrl())).startsWith("OK").contains("1 organisation(s)");
        assertThat(run.line("myoperator")).startsWith("OK").contains("API key set");
        assertThat(run.out()).endsWith("Nothing wrong found." + System.lineSeparator())
                .doesNotContain(TOKEN, SMTP_PASSWORD, API_KEY, SLACK_PATH);
        assertThat(smtp.getReceivedMessages()).as("no mail sent").isEmpty();
        assertThat(standIn.findAll(anyRequestedFor(anyUrl()))).as("only GETs, never the webhook's path")
                .allSatisfy(request -> {
                    assertThat(request.getMethod().getName()).isEqualTo("GET");
                    assertThat(request.getUrl()).doesNotContain("services");
                });
    }

    @Test
    void a_token_meta_refuses_fails_and_says_how_to_replace_it() {
        Run run = warden(List.of(), "doctor", "--warden.meta.graph-url=" + standIn.baseUrl() + "/v24.0",
                "--warden.meta.access-token=an-expired-token-never-printed");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.line("meta token")).startsWith("FAIL").contains("Meta refused the token")
                .contains("code 190").contains("WARDEN_META_ACCESS_TOKEN");
        assertThat(run.out()).doesNotContain("an-expired-token-never-printed").endsWith("1 failed, 0 warning(s)."
                + System.lineSeparator());
    }

    @Test
    void hosts_out_of_reach_fail_and_name_what_to_check() throws IOException, SQLException {
        String closed = "127.0.0.1:" + closedPort();
        List<String> database = freshDatabase();
        assertThat(warden(database, "migrate").exitCode()).isZero();
        withSlackUrl(database, "http://" + closed + SLACK_PATH);

        Run run = warden(database, "doctor", "--warden.meta.graph-url=http://" + closed + "/v24.0",
                "--warden.meta.access-token=" + TOKEN, "--warden.smtp.host=127.0.0.1",
                "--warden.smtp.port=" + closed.substring(10), "--warden.smtp.starttls=false",
                "--warden.myoperator.url=http://" + closed, "--warden.myoperator.api-key=" + API_KEY,
                "--warden.myoperator.company-id=42", "--warden.myoperator.phone-number-id=99");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.line("meta token")).startsWith("FAIL").contains("cannot reach").contains("WARDEN_META_GRAPH_URL");
        assertThat(run.line("smtp")).startsWith("FAIL").contains("cannot reach").contains("WARDEN_SMTP_HOST");
        assertThat(run.line("slack http://" + closed)).startsWith("FAIL").contains("cannot reach");
        assertThat(run.line("myoperator")).startsWith("FAIL").contains("WARDEN_MYOPERATOR_URL");
        assertThat(run.out()).doesNotContain(SLACK_PATH).doesNotContain("\tat ");

        Run noDatabase = warden(List.of("--datasources.default.url=jdbc:postgresql://" + closed + "/warden",
                "--datasources.default.username=warden", "--datasources.default.password=db-password-never-printed"),
                "doctor");
        assertThat(noDatabase.exitCode()).isEqualTo(1);
        assertThat(noDatabase.line("database")).startsWith("FAIL").contains("cannot connect")
                .contains("DATASOURCES_DEFAULT_URL");
        assertThat(noDatabase.line("slack")).startsWith("--").contains("fix the database first");
        assertThat(noDatabase.out()).doesNotContain("db-password-never-printed");
    }

    @Test
    void a_password_in_the_database_url_is_never_printed() throws IOException {
        String closed = "127.0.0.1:" + closedPort();
        for (String url : List.of("jdbc:postgresql://" + closed + "/warden?user=w&password=s3cret%zz",
                "jdbc:postgresql://" + closed + "/warden?password=s3cret",
                "jdbc:postgres://w:s3cret@" + closed + "/warden",
                "jdbc:postgres://" + closed + "/warden?user=w&password=s3cret")) {
            Run run = warden(List.of("--datasources.default.url=" + url), "doctor", "--warden.meta.access-token=");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.line("database")).as(url).startsWith("FAIL").contains("cannot connect to jdbc:postgres")
                    .contains(closed + "/warden");
            assertThat(run.out() + run.err()).as(url).doesNotContain("s3cret");
        }
    }

    @Test
    void smtp_credentials_the_server_refuses_fail() {
        Run run = warden(List.of(), "doctor", "--warden.smtp.host=127.0.0.1",
                "--warden.smtp.port=" + smtp.getSmtp().getPort(), "--warden.smtp.starttls=false",
                "--warden.smtp.username=warden", "--warden.smtp.password=not the password");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.line("smtp")).startsWith("FAIL").contains("refused the username or password")
                .contains("WARDEN_SMTP_PASSWORD");
        assertThat(run.out()).doesNotContain("not the password");
    }

    @Test
    void what_is_not_configured_is_said_and_pending_migrations_warn_without_failing() throws SQLException {
        Run run = warden(freshDatabase(), "doctor", "--warden.meta.access-token=");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.line("database")).startsWith("WARN").contains("pending").contains("warden migrate");
        assertThat(run.line("meta token")).startsWith("WARN").contains("WARDEN_META_ACCESS_TOKEN is not set");
        assertThat(run.line("smtp")).startsWith("--").contains("not configured");
        assertThat(run.line("slack")).startsWith("--");
        assertThat(run.line("myoperator")).startsWith("--").contains("not configured");

        Run embedded = warden(List.of(), "doctor", "--warden.meta.access-token=");
        assertThat(embedded.line("database")).startsWith("--").contains("embedded PostgreSQL");
    }

    /** A database of its own, so the Slack URLs other tests store do not show up here. */
    private static List<String> freshDatabase() throws SQLException {
        String name = "doctor_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return List.of("--datasources.default.url=" + TestPostgres.server().getJdbcUrl("postgres", name),
                "--datasources.default.username=postgres", "--datasources.default.password=postgres");
    }

    private static void withSlackUrl(List<String> database, String url) {
        List<String> settings = new ArrayList<>(database);
        settings.add("--warden.notify.allow-plain-http-slack=true");
        Actor operator = new Actor("test", Role.SUPER_ADMIN, Optional.empty());
        try (ApplicationContext context = new WardenContexts().operator(settings)) {
            OrganizationId organization = context.getBean(CreateOrganizationUseCase.class)
                    .createOrganization(operator, "Doctor org").id();
            context.getBean(SaveNotificationPreferencesUseCase.class).save(operator, new NotificationPreferences(
                    organization, Map.of(), List.of(), Optional.of(url), WhatsAppProvider.MYOPERATOR, List.of(),
                    NotificationPreferences.DEFAULT_ESCALATE_AFTER));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Run warden(List<String> database, String... command) {
        String[] args = WardenRunner.unconfigured(Stream.concat(Stream.of(command), database.stream())
                .toArray(String[]::new));
        Arguments arguments = Arguments.split(args);
        Contexts contexts = new WardenContexts();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new WardenCommand(contexts, arguments.settings()).commandLine()
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(arguments.commandArray());
        return new Run(exitCode, out.toString(), err.toString());
    }
}
