package dev.warden.bootstrap;

import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.cli.Arguments;
import dev.warden.bootstrap.cli.Contexts;
import dev.warden.bootstrap.cli.WardenCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code warden} command run as an operator runs it: arguments in, output and exit code out, on
 * the tests' PostgreSQL and against this test's running Warden where a command posts.
 */
@MicronautTest(transactional = false)
class CommandLineIT extends ApiTest {

    @Inject
    EmbeddedServer server;

    @TempDir
    Path directory;

    private final List<ApplicationContext> started = new ArrayList<>();

    /** What one run printed and how it exited, and which contexts it started. */
    record Run(int exitCode, String out, String err, boolean serving, List<String> starts) {
    }

    @Test
    void without_a_command_warden_serves_as_it_always_did() {
        Run run = onDatabase("--micronaut.server.port=-1", "--warden.inbox.workers.enabled=false",
                "--warden.jwt.secret=a configured secret of at least 32 characters");
        try {
            assertThat(run.exitCode()).isZero();
            assertThat(run.serving()).as("main keeps the server running").isTrue();
            assertThat(run.starts()).containsExactly("server");
            EmbeddedServer served = started.get(0).getBean(EmbeddedServer.class);
            assertThat(served.isRunning()).isTrue();
            try (HttpClient client = HttpClient.create(served.getURL())) {
                assertThat(client.toBlocking().exchange("/health").code()).isEqualTo(200);
            }
        } finally {
            started.forEach(ApplicationContext::close);
        }
    }

    @Test
    void help_lists_the_commands_and_a_mistyped_command_is_a_usage_error() {
        Run help = warden("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("serve", "migrate", "webhook", "org", "admin", "waba", "deadletters");
        assertThat(help.starts()).isEmpty();

        Run typo = warden("migrat");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("migrat");
        assertThat(typo.starts()).as("nothing started").isEmpty();

        Run group = warden("org");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("Missing a command: create");
    }

    @Test
    void migrate_brings_an_empty_database_up_to_date_and_exits_without_serving() throws SQLException {
        String database = "cli_migrate_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Run run = warden("migrate", "--datasources.default.url=" + TestPostgres.server().getJdbcUrl("postgres", database),
                "--datasources.default.username=postgres", "--datasources.default.password=postgres");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("up to date");
        assertThat(run.starts()).containsExactly("operator");
        try (Connection connection = TestPostgres.server().getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery(
                     "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            applied.next();
            assertThat(applied.getInt(1)).isGreaterThan(10);
        }
    }

    @Test
    void org_admin_and_waba_commands_set_up_a_tenant_that_receives_a_signed_webhook() throws IOException {
        Run org = onDatabase("org", "create", "Console Org");
        assertThat(org.exitCode()).as(org.err()).isZero();
        String orgId = org.out().strip();
        assertThat(UUID.fromString(orgId)).isNotNull();

        String username = "console-admin-" + orgId.substring(0, 8);
        Run user = onDatabase("admin", "create-user", "--org", orgId, "--username", username,
                "--password", "console password 1", "--role", "ORG_ADMIN");
        assertThat(user.exitCode()).as(user.err()).isZero();
        assertThat(UUID.fromString(user.out().strip())).isNotNull();
        String admin = api.login(username, "console password 1");

        String waba = MetaWebhooks.randomWaba();
        Run registered = onDatabase("waba", "register", "--org", orgId, "--waba", waba, "--name", "Console WABA");
        assertThat(registered.exitCode()).as(registered.err()).isZero();
        assertThat(registered.out().strip()).isEqualTo(waba);

        assertThat(items(api.get("/api/v1/audit-log?actor=cli&resource=ORGANIZATION:" + orgId, root)))
                .extracting(entry -> entry.get("action")).containsExactly("ORGANIZATION_CREATED");
        assertThat(items(api.get("/api/v1/audit-log?actor=cli", admin))).extracting(entry -> entry.get("action"))
                .contains("USER_CREATED", "WHATSAPP_ACCOUNT_REGISTERED");

        Path payload = file(MetaWebhooks.status(waba, 7000, "7770001", "APPROVED"));
        Run sent = warden("webhook", "send", payload.toString(), "--url", webhookUrl(),
                "--warden.meta.app-secret=" + MetaWebhooks.APP_SECRET + ",another-secret");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out()).startsWith("HTTP 200");
        assertThat(sent.starts()).as("no database needed").isEmpty();
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/templates?metaTemplateId=7770001", admin)))
                .singleElement().satisfies(template -> assertThat(template).containsEntry("status", "APPROVED")));
    }

    @Test
    void a_webhook_signed_with_another_secret_is_refused_and_exits_1() throws IOException {
        Path payload = file(MetaWebhooks.status(MetaWebhooks.randomWaba(), 7000, "7770002", "APPROVED"));
        Run sent = warden("webhook", "send", payload.toString(), "--url", webhookUrl(),
                "--warden.meta.app-secret=not-the-secret-warden-has");
        assertThat(sent.exitCode()).isEqualTo(1);
        assertThat(sent.out()).startsWith("HTTP 401");

        Run unsigned = warden("webhook", "send", payload.toString(), "--url", webhookUrl(),
                "--warden.meta.app-secret=");
        assertThat(unsigned.exitCode()).isEqualTo(2);
        assertThat(unsigned.err()).contains("WARDEN_META_APP_SECRET");
    }

    @Test
    void a_generated_password_is_printed_once_and_a_typed_one_read_from_standard_input() {
        String orgId = onDatabase("org", "create", "Password Org").out().strip();
        Run generated = onDatabase("admin", "create-user", "--org", orgId, "--username", "gen-" + orgId.substring(0, 8),
                "--role", "VIEWER");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        String[] lines = generated.out().strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("password: ");
        assertThat(api.login("gen-" + orgId.substring(0, 8), lines[1].substring("password: ".length()))).isNotBlank();

        InputStream console = System.in;
        System.setIn(new ByteArrayInputStream("typed password 42\n".getBytes(StandardCharsets.UTF_8)));
        try {
            Run typed = onDatabase("admin", "create-user", "--org", orgId, "--username", "typed-" + orgId.substring(0, 8),
                    "--password", "--role", "VIEWER");
            assertThat(typed.exitCode()).as(typed.err()).isZero();
            assertThat(typed.out()).doesNotContain("typed password 42");
        } finally {
            System.setIn(console);
        }
        assertThat(api.login("typed-" + orgId.substring(0, 8), "typed password 42")).isNotBlank();
    }

    @Test
    void bad_input_is_one_line_that_says_why_never_a_stack_trace() {
        Run missing = onDatabase("org", "create");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("NAME");

        Run notAnId = onDatabase("waba", "register", "--org", "not-an-id", "--waba", "1", "--name", "x");
        assertThat(notAnId.exitCode()).isEqualTo(2);
        assertThat(notAnId.err()).contains("organizationId must be a UUID");
        assertThat(notAnId.starts()).as("refused before the database").isEmpty();

        Run badRole = onDatabase("admin", "create-user", "--org", UUID.randomUUID().toString(), "--username", "someone",
                "--password", "long enough pw", "--role", "OWNER");
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("role must be one of");

        Run unknownOrg = onDatabase("admin", "create-user", "--org", UUID.randomUUID().toString(),
                "--username", "someone", "--password", "long enough pw", "--role", "VIEWER");
        assertThat(unknownOrg.exitCode()).isEqualTo(1);
        assertThat(unknownOrg.err()).contains("not found");

        String waba = MetaWebhooks.randomWaba();
        String first = onDatabase("org", "create", "First owner").out().strip();
        String second = onDatabase("org", "create", "Second owner").out().strip();
        assertThat(onDatabase("waba", "register", "--org", first, "--waba", waba, "--name", "x").exitCode()).isZero();
        Run taken = onDatabase("waba", "register", "--org", second, "--waba", waba, "--name", "x");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains(waba);

        Run noDatabase = warden("org", "create", "Nowhere", "--datasources.default.url=jdbc:postgresql://127.0.0.1:1/none");
        assertThat(noDatabase.exitCode()).isEqualTo(1);
        assertThat(noDatabase.err()).startsWith("warden: ");

        for (Run run : List.of(missing, notAnId, badRole, unknownOrg, taken, noDatabase)) {
            assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception:");
        }
    }

    @Test
    void dead_letters_are_listed_and_replayed_as_the_operator() throws IOException {
        String waba = MetaWebhooks.randomWaba();
        String orgId = onDatabase("org", "create", "Dead letter org").out().strip();
        onDatabase("waba", "register", "--org", orgId, "--waba", waba, "--name", "Main");
        // PostgreSQL cannot store a NUL: the change is kept as a dead letter that says why.
        Path payload = file(MetaWebhooks.envelope(waba, 5000, "message_template_status_update",
                "{\"event\":\"APPROVED\",\"message_template_id\":6001,\"message_template_name\":\"a\\u0000b\"}"));
        assertThat(warden("webhook", "send", payload.toString(), "--url", webhookUrl(),
                "--warden.meta.app-secret=" + MetaWebhooks.APP_SECRET).exitCode()).isZero();

        String[] line = new String[1];
        Eventually.holds(() -> {
            Run list = onDatabase("deadletters", "list", "--size", "100");
            assertThat(list.exitCode()).as(list.err()).isZero();
            line[0] = list.out().lines().filter(row -> row.contains("\t" + waba + "\t")).findFirst().orElseThrow();
        });
        String id = line[0].split("\t")[0];

        Run replay = onDatabase("deadletters", "replay", id);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("pending again");
        assertThat(items(api.get("/api/v1/audit-log?actor=cli&resource=DEAD_LETTER:" + id, root)))
                .extracting(entry -> entry.get("action")).containsExactly("DEAD_LETTER_REPLAYED");

        Run unknown = onDatabase("deadletters", "replay", "987654321987");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("not found");
    }

    @Test
    void sync_shows_a_reconciliation_with_meta_until_it_ends() {
        String waba = MetaWebhooks.randomWaba();
        String orgId = onDatabase("org", "create", "Sync org").out().strip();
        onDatabase("waba", "register", "--org", orgId, "--waba", waba, "--name", "Main");
        GraphApi.stubPage(waba, null, GraphApi.page(waba, null,
                GraphApi.template("7780001", "order_update", "APPROVED", "UTILITY", "UNKNOWN")));

        Run sync = onDatabase("sync", "--waba", waba, "--warden.meta.graph-url=" + GraphApi.url(),
                "--warden.meta.access-token=" + GraphApi.TOKEN);

        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.out()).contains("of WABA " + waba).contains("COMPLETED: pages 1, templates 1, changes ");
        assertThat(items(api.get("/api/v1/templates?organizationId=" + orgId + "&metaTemplateId=7780001", root)))
                .singleElement().satisfies(template -> assertThat(template).containsEntry("status", "APPROVED"));
        assertThat(items(api.get("/api/v1/audit-log?actor=cli&resource=WHATSAPP_ACCOUNT:" + waba, root)))
                .extracting(entry -> entry.get("action")).contains("WHATSAPP_ACCOUNT_SYNC_REQUESTED");

        Run withoutToken = onDatabase("sync", "--waba", waba, "--warden.meta.access-token=");
        assertThat(withoutToken.exitCode()).isEqualTo(1);
        assertThat(withoutToken.err()).startsWith("warden: ").doesNotContain("\tat ");
    }

    private Run onDatabase(String... command) {
        return warden(Stream.concat(Stream.of(command), Stream.of(
                "--datasources.default.url=" + TestPostgres.server().getJdbcUrl("postgres", "postgres"),
                "--datasources.default.username=postgres", "--datasources.default.password=postgres"))
                .toArray(String[]::new));
    }

    /** Runs {@code warden} as main runs it, recording which contexts it started. */
    private Run warden(String... args) {
        List<String> starts = new ArrayList<>();
        Contexts recording = new Contexts() {
            @Override
            public ApplicationContext server(List<String> settings) {
                starts.add("server");
                ApplicationContext context = new WardenContexts().server(settings);
                started.add(context);
                return context;
            }

            @Override
            public ApplicationContext operator(List<String> settings) {
                starts.add("operator");
                return new WardenContexts().operator(settings);
            }
        };
        Arguments arguments = Arguments.split(args);
        WardenCommand warden = new WardenCommand(recording, arguments.settings());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = warden.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments.commandArray());
        return new Run(exitCode, out.toString(), err.toString(), warden.serving(), starts);
    }

    private Path file(String json) throws IOException {
        return Files.writeString(directory.resolve(UUID.randomUUID() + ".json"), json);
    }

    private String webhookUrl() {
        return server.getURL() + "/webhooks/meta";
    }
}
