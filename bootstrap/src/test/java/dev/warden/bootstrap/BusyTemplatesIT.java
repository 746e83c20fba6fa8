package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.user.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An inbox batch does not wait for a template another batch holds (ADR 0024): the change about it stays PENDING
 * for a later batch, the batch's other changes are applied, and nothing is lost or applied twice. A batch about
 * nothing but held templates waits for them, as before.
 */
class BusyTemplatesIT {

    private static final Actor ROOT = new Actor("root", Role.SUPER_ADMIN, Optional.empty());
    private static final String HELD = "8810001";
    private static final String FREE = "8810002";

    private ApplicationContext context;
    private ReceiveWebhookUseCase receive;
    private ProcessWebhookChangeUseCase process;
    private String waba;
    private OrganizationId org;

    @BeforeEach
    void start() {
        Map<String, Object> properties = new HashMap<>(TestPostgres.properties());
        properties.put("warden.inbox.workers.enabled", "false");
        context = ApplicationContext.run(properties);
        receive = context.getBean(ReceiveWebhookUseCase.class);
        process = context.getBean(ProcessWebhookChangeUseCase.class);
        waba = MetaWebhooks.randomWaba();
        org = context.getBean(CreateOrganizationUseCase.class).createOrganization(ROOT, "Busy Co").id();
        context.getBean(RegisterWhatsAppAccountUseCase.class).registerWhatsAppAccount(ROOT,
                new RegisterWhatsAppAccountCommand(org, new WabaId(waba), "Main"));
        report(1000, HELD, "APPROVED");
        report(1000, FREE, "APPROVED");
        processAll();
        assertThat(statusOf(HELD)).isEqualTo(TemplateStatus.APPROVED);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void a_change_about_a_held_template_waits_in_the_inbox_while_the_rest_of_its_batch_is_applied() throws Exception {
        long historyBefore = history(HELD);
        report(2000, HELD, "PAUSED");
        report(2000, FREE, "PAUSED");

        try (Connection other = holding(HELD)) {
            assertThat(aBatchThatDoesNotWait(other)).isTrue();

            assertThat(statusOf(FREE)).isEqualTo(TemplateStatus.PAUSED);
            assertThat(statusOf(HELD)).isEqualTo(TemplateStatus.APPROVED);
            assertThat(pendingChanges()).isEqualTo(1);
            assertThat(deferred()).isEqualTo(1);
            other.rollback();
        }

        processAll();
        assertThat(statusOf(HELD)).isEqualTo(TemplateStatus.PAUSED);
        assertThat(pendingChanges()).isZero();
        assertThat(history(HELD)).as("applied once").isEqualTo(historyBefore + 1);
    }

    @Test
    void a_batch_with_a_conversation_change_beside_the_held_template_does_not_wait_for_it() throws Exception {
        report(2000, HELD, "PAUSED");
        byte[] inbound = bytes(MetaWebhooks.envelope(waba, 2001, "messages", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550100","phone_number_id":"1065"},
                 "contacts":[{"profile":{"name":"Ana"},"wa_id":"16505551234"}],
                 "messages":[{"from":"16505551234","id":"wamid.busy-1","timestamp":"2001","type":"text",
                              "text":{"body":"hello"}}]}"""));
        assertThat(receive.receive(inbound, sign(inbound)).toCompletableFuture().join().accepted()).isTrue();

        try (Connection other = holding(HELD)) {
            assertThat(aBatchThatDoesNotWait(other)).isTrue();

            assertThat(count("SELECT count(*) FROM webhook_changes JOIN webhook_change_states ON change_id = id"
                    + " WHERE webhook_changes.waba_id = ? AND field = 'messages' AND state = 'DONE'", waba)).as("the conversation change is settled").isEqualTo(1);
            assertThat(pendingChanges()).as("the held template's change waits").isEqualTo(1);
            assertThat(deferred()).isEqualTo(1);
            other.rollback();
        }

        processAll();
        assertThat(statusOf(HELD)).isEqualTo(TemplateStatus.PAUSED);
    }

    @Test
    void a_batch_about_nothing_but_a_held_template_waits_for_it() throws Exception {
        report(2000, HELD, "PAUSED");

        CompletableFuture<Boolean> batch;
        try (Connection other = holding(HELD)) {
            batch = CompletableFuture.supplyAsync(process::processNext);
            Eventually.holds(() -> assertThat(sessionsWaitingForALock()).isPositive());
            assertThat(batch).isNotDone();
            other.rollback();
        }

        assertThat(batch.get()).isTrue();
        assertThat(statusOf(HELD)).isEqualTo(TemplateStatus.PAUSED);
        assertThat(pendingChanges()).isZero();
        assertThat(deferred()).isZero();
    }

    /**
     * One batch, on another thread: if it waited for {@code other}'s template, this thread, which holds it, would
     * wait for the batch for ever. Rolled back after a minute so that the test fails instead.
     */
    private boolean aBatchThatDoesNotWait(Connection other) throws Exception {
        CompletableFuture<Boolean> batch = CompletableFuture.supplyAsync(process::processNext);
        try {
            return batch.get(1, TimeUnit.MINUTES);
        } catch (TimeoutException waited) {
            other.rollback();
            throw new AssertionError("the batch waited for the held template", waited);
        }
    }

    private void report(long time, String templateId, String event) {
        byte[] body = bytes(status(waba, time, templateId, event));
        assertThat(receive.receive(body, sign(body)).toCompletableFuture().join().accepted()).isTrue();
    }

    private void processAll() {
        while (process.processNext()) {
            // until the inbox has nothing due
        }
    }

    private TemplateSnapshot template(String metaId) {
        return context.getBean(ListTemplatesUseCase.class).listTemplates(ROOT, TemplateFilter.of(org), new PageRequest(0,
                10)).items().stream().filter(t -> t.metaTemplateId().map(id -> id.value().equals(metaId)).orElse(false))
                .findFirst().orElseThrow();
    }

    private TemplateStatus statusOf(String metaId) {
        return template(metaId).status();
    }

    private double deferred() {
        return context.getBean(MeterRegistry.class).get("warden.webhook.changes").tag("fate", "deferred").counter()
                .count();
    }

    /** A connection whose open transaction holds the template's row, as another inbox batch would. */
    private Connection holding(String metaId) throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM templates WHERE waba_id = ? AND meta_template_id = ? FOR UPDATE")) {
            lock.setString(1, waba);
            lock.setString(2, metaId);
            assertThat(lock.executeQuery().next()).isTrue();
        }
        return connection;
    }

    private long pendingChanges() {
        return count("SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state = 'PENDING'", waba);
    }

    private long history(String metaId) {
        return count("SELECT count(*) FROM template_history WHERE template_id = CAST(? AS uuid)",
                template(metaId).id().value().toString());
    }

    private long sessionsWaitingForALock() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                "%templates%");
    }

    private static long count(String sql, String parameter) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        Map<String, String> properties = TestPostgres.properties();
        return DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), properties.get("datasources.default.password"));
    }
}
