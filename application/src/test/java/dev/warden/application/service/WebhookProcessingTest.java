package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.fixtures.InMemoryAuditLog;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.ProcessedBatch;
import dev.warden.application.port.in.ReceiveWebhookUseCase.Receipt;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.out.DeadLetterLog;
import dev.warden.application.port.out.WebhookMetrics;
import dev.warden.application.port.out.MalformedPayload;
import dev.warden.application.port.out.MetaChangeTranslator;
import dev.warden.application.port.out.NewInboxChange;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.application.port.out.WebhookEnvelopeReader;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.fixtures.InMemoryCustomerServiceWindows;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.InMemoryWhatsAppAccountRepository;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.governance.AutoPausePolicy;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.user.Role;
import dev.warden.domain.window.ConversationKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The inbox pipeline with in-memory ports; Meta's JSON is stood in by a translator keyed on the value text. */
class WebhookProcessingTest {

    private static final String WABA = "102290129340398";
    private static final Actor ROOT = new Actor("root", Role.SUPER_ADMIN, Optional.empty());

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    private final InMemoryWhatsAppAccountRepository accounts = new InMemoryWhatsAppAccountRepository();

    {
        inbox.registeredWabas(waba -> accounts.findByWabaId(waba).isPresent());
    }
    private final InMemoryCustomerServiceWindows windows = new InMemoryCustomerServiceWindows();
    private final PassThroughUnitOfWork unitOfWork = new PassThroughUnitOfWork();

    {
        // A failed batch leaves the inbox as it found it, as PostgreSQL's rollback does.
        unitOfWork.rollsBack(inbox::rollback);
    }
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final OrganizationId org = warden.anOrganization("Acme");
    private final TemplateKey key = new TemplateKey(new WabaId(WABA), new MetaTemplateId("1689556908129832"));

    /**
     * Splits "a|b|c" into changes a, b, c (the text is the idempotency key; "APPROVED 2" is a status APPROVED with a
     * key of its own); "not json" is malformed.
     */
    private final WebhookEnvelopeReader envelopes = body -> {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("not json")) {
            throw new MalformedPayload("not JSON");
        }
        return java.util.Arrays.stream(text.split("\\|"))
                .map(v -> new NewInboxChange(v, "whatsapp_business_account", WABA, "test", null, v)).toList();
    };

    private final MetaChangeTranslator translator = change -> switch (change.value()) {
        case "broken" -> throw new MalformedPayload("message_template_id is missing");
        case "explodes", "explodes too" -> throw new IllegalStateException("database hiccup");
        case "conflicts" -> throw new ConcurrentModification("template", "t1", 3);
        case "overflows" -> throw new StackOverflowError();
        case "PAUSED again" -> new TranslatedChange.TemplateUpdate(new TemplateMention(key, "order_update", "en_US",
                TemplateCategory.UTILITY), MetaReports.status(TemplateStatus.PAUSED, warden.now()));
        case "customer" -> new TranslatedChange.ConversationUpdate("106540352242922",
                List.of(new TranslatedChange.CustomerEvent("16505551234", Instant.parse("2026-01-01T10:00:00Z"))),
                List.of());
        case "unknown field" -> new TranslatedChange.Ignored("field x is not handled");
        default -> new TranslatedChange.TemplateUpdate(new TemplateMention(key, "order_update", "en_US",
                TemplateCategory.UTILITY), MetaReports.status(TemplateStatus.valueOf(change.value().split(" ")[0]),
                warden.now()));
    };

    /** The dead-letter log lines, as "id field reason". */
    private final List<String> deadLetterLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final DeadLetterLog deadLetterLog = (id, delivery, waba, field, reason) -> deadLetterLines.add(id + " " + field + " " + reason);

    private final CountingWebhookMetrics metrics = new CountingWebhookMetrics();
    private final ReceiveWebhookService receive = new ReceiveWebhookService(envelopes, inbox, metrics, warden.clock);
    private final ProcessWebhookChangeService process = new ProcessWebhookChangeService(inbox, accounts, translator,
            new GovernancePorts(warden.templates, warden.history, warden.versions, warden.quality, warden.campaigns,
                    warden.alerts, warden.organizations, AutoPausePolicy.WHEN_NOT_SENDABLE),
            conversations(), unitOfWork, warden.events,
            InboxRetryPolicy.DEFAULT, deadLetterLog, metrics, warden.clock);
    private final RegisterWhatsAppAccountService register = new RegisterWhatsAppAccountService(warden.organizations,
            accounts, inbox, new Alerting(warden.alerts), unitOfWork, auditLog, warden.clock);

    private ConversationWindows conversations() {
        InMemorySendBlocks blocks = new InMemorySendBlocks();
        return new ConversationWindows(windows, blocks, new dev.warden.domain.fixtures.InMemoryContactLinks(),
                new dev.warden.domain.fixtures.InMemorySendDeliveries(), new MessageSends(List.of(), blocks, windows,
                unitOfWork, new Alerting(warden.alerts), warden.events, new dev.warden.application.port.out.ServerLog() {
                    @Override
                    public void internalError(String reference, String what, Throwable cause) {
                    }

                    @Override
                    public void warning(String what) {
                    }

                    @Override
                    public void warning(String what, Throwable cause) {
                    }
                }, warden.clock),
                warden.clock);
    }

    private void deliver(String body) {
        assertThat(receive.receive(body.getBytes(StandardCharsets.UTF_8), "sha256=x").toCompletableFuture().join()
                .accepted()).isTrue();
    }

    private int drain() {
        int processed = 0;
        while (process.processNext()) {
            processed++;
        }
        return processed;
    }

    private void registerWaba() {
        register.registerWhatsAppAccount(ROOT, new RegisterWhatsAppAccountCommand(org, new WabaId(WABA), "Main"));
    }

    @Test
    void a_batch_tells_whether_it_was_full_and_when_its_oldest_change_was_received() {
        registerWaba();
        Instant received = warden.now();
        deliver(IntStream.rangeClosed(0, ProcessWebhookChangeService.BATCH).mapToObj(i -> "APPROVED " + i)
                .collect(Collectors.joining("|")));
        warden.clock.advance(Duration.ofSeconds(3));

        assertThat(process.processNextBatch()).contains(new ProcessedBatch(true, received));
        assertThat(process.processNextBatch()).as("the one change left").contains(new ProcessedBatch(false, received));
        assertThat(process.processNextBatch()).isEmpty();
    }

    @Test
    void a_body_that_is_not_json_is_kept_and_refused() {
        Receipt receipt = receive.receive("not json at all".getBytes(StandardCharsets.UTF_8), "sha256=x")
                .toCompletableFuture().join();

        assertThat(receipt.accepted()).isFalse();
        assertThat(receipt.problem()).contains("not JSON");
        assertThat(inbox.deliveryState(receipt.deliveryId())).isEqualTo("MALFORMED");
        assertThat(inbox.claimDueChanges(warden.now(), 10)).isEmpty();
        assertThat(metrics.count(WebhookMetrics.Delivery.MALFORMED)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.Delivery.ACCEPTED)).isZero();
    }

    @Test
    void a_change_for_an_unregistered_waba_is_kept_alerted_and_processed_after_registration() {
        deliver("APPROVED");
        drain();

        List<AlertSnapshot> platformAlerts = warden.alerts.list(new AlertFilter(Optional.of(PlatformOrganization.ID),
                Optional.empty(), Optional.empty()), PageRequest.first()).items();
        assertThat(platformAlerts).singleElement().extracting(AlertSnapshot::type).isEqualTo(AlertType.UNROUTABLE_WEBHOOK);
        assertThat(inbox.backlog().unroutable()).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.UNROUTABLE)).isEqualTo(1);

        registerWaba();
        drain();
        assertThat(metrics.count(WebhookMetrics.ChangeFate.APPLIED)).isEqualTo(1);

        assertThat(warden.templates.findByKey(org, key).orElseThrow().status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(inbox.backlog().unroutable()).isZero();
        assertThat(warden.alerts.findById(PlatformOrganization.ID, platformAlerts.get(0).id()).orElseThrow().state())
                .isEqualTo(AlertState.RESOLVED);
    }

    @Test
    void one_bad_change_does_not_block_the_others_of_the_same_post_and_can_be_replayed() {
        registerWaba();
        deliver("broken|APPROVED|unknown field|customer");

        drain();

        assertThat(warden.templates.findByKey(org, key).orElseThrow().status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(windows.find(new ConversationKey(org, "106540352242922", "16505551234"))).isPresent();
        assertThat(inbox.backlog().dead()).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.APPLIED)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.CONVERSATION)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.IGNORED)).isEqualTo(1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.DEAD)).isEqualTo(1);
        long dead = inbox.deadLetters(PageRequest.first()).items().get(0).id();
        assertThat(inbox.row(dead).lastError).contains("message_template_id is missing");

        ReplayDeadLetterService replay = new ReplayDeadLetterService(inbox, accounts, new Alerting(warden.alerts),
                unitOfWork, warden.events, auditLog, warden.clock);
        assertThatThrownBy(() -> replay.replay(new Actor("ann", Role.ORG_ADMIN, Optional.of(org)), dead))
                .isInstanceOf(AccessDenied.class);
        assertThat(alertsOf(org, AlertType.WEBHOOK_DEAD_LETTER)).singleElement()
                .extracting(AlertSnapshot::state).isEqualTo(AlertState.OPEN);
        replay.replay(ROOT, dead);
        assertThat(inbox.row(dead).state).isEqualTo("PENDING");
        assertThat(alertsOf(org, AlertType.WEBHOOK_DEAD_LETTER)).as("no dead letter left for the WABA")
                .singleElement().extracting(AlertSnapshot::state).isEqualTo(AlertState.RESOLVED);
        assertThatThrownBy(() -> replay.replay(ROOT, dead)).as("not dead any more").isInstanceOf(NotFound.class);
        assertThat(auditLog.find(new AuditFilter(Optional.of(PlatformOrganization.ID), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), PageRequest.first()).items())
                .singleElement().satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo(AuditAction.DEAD_LETTER_REPLAYED);
                    assertThat(entry.actor()).isEqualTo("root");
                    assertThat(entry.resource().id()).isEqualTo(String.valueOf(dead));
                });
    }

    @Test
    void the_same_change_delivered_ten_times_has_one_effect() {
        registerWaba();
        for (int i = 0; i < 10; i++) {
            deliver(i % 2 == 0 ? "PAUSED" : "APPROVED|PAUSED");
        }

        drain();

        assertThat(inbox.countIn("DONE")).isEqualTo(2);
        assertThat(warden.history.all()).hasSize(2);
        assertThat(metrics.count(WebhookMetrics.Delivery.ACCEPTED)).isEqualTo(10);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.APPLIED) + metrics.count(WebhookMetrics.ChangeFate.STALE))
                .as("two distinct changes, each counted once").isEqualTo(2);
    }

    @Test
    void a_failing_change_is_retried_with_backoff_then_goes_to_the_dead_letters() {
        registerWaba();
        deliver("explodes");

        for (int attempt = 1; attempt <= InboxRetryPolicy.DEFAULT.maxAttempts(); attempt++) {
            assertThat(process.processNext()).isTrue();
            InMemoryWebhookInbox.Row row = inbox.row(inbox.deadLetters(PageRequest.first()).total() > 0
                    ? inbox.deadLetters(PageRequest.first()).items().get(0).id() : 2L);
            assertThat(row.change.attempts()).isEqualTo(attempt);
            assertThat(row.lastError).contains("database hiccup");
            if (attempt < InboxRetryPolicy.DEFAULT.maxAttempts()) {
                assertThat(row.nextAttemptAt).isAfter(warden.now());
                assertThat(process.processNext()).isFalse();
                warden.clock.advance(Duration.ofHours(1));
            } else {
                assertThat(row.state).isEqualTo("DEAD");
            }
        }
        assertThat(metrics.count(WebhookMetrics.ChangeFate.RETRIED)).isEqualTo(InboxRetryPolicy.DEFAULT.maxAttempts() - 1);
        assertThat(metrics.count(WebhookMetrics.ChangeFate.DEAD)).isEqualTo(1);
    }

    @Test
    void a_template_change_before_the_stub_exists_creates_it_from_the_event() {
        registerWaba();
        deliver("PENDING");
        drain();

        assertThat(inbox.claimDueChanges(warden.now(), 10)).isEmpty();
        assertThat(warden.templates.findByKey(org, key)).get().extracting(t -> t.snapshot().name().value())
                .isEqualTo("order_update");
        assertThat(TemplateFixtures.WABA.value()).isEqualTo(WABA);
    }

    @Test
    void settled_changes_are_forgotten_after_the_retention_but_never_sooner_than_meta_retries() {
        registerWaba();
        deliver("APPROVED|broken");
        drain();
        PurgeWebhookInboxService purge = new PurgeWebhookInboxService(inbox, unitOfWork, Duration.ofDays(30),
                warden.clock);

        assertThat(purge.purge()).isZero();
        warden.clock.advance(Duration.ofDays(31));
        assertThat(purge.purge()).isEqualTo(1);
        assertThat(inbox.backlog().dead()).as("dead letters stay until replayed").isEqualTo(1);
        assertThatThrownBy(() -> new PurgeWebhookInboxService(inbox, unitOfWork, Duration.ofDays(7), warden.clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 days");
    }

    @Test
    void a_change_marked_unroutable_after_its_waba_was_registered_is_swept_back_and_applied() {
        // The registration commits while the batch that found no route is still open: its requeue
        // finds nothing, and the batch then keeps the change as unroutable.
        WhatsAppAccountRepository registeringMeanwhile = new WhatsAppAccountRepository() {
            @Override
            public void add(WhatsAppAccount account) {
                accounts.add(account);
            }

            @Override
            public Optional<WhatsAppAccount> findByWabaId(WabaId wabaId) {
                Optional<WhatsAppAccount> found = accounts.findByWabaId(wabaId);
                if (found.isEmpty()) {
                    registerWaba();
                }
                return found;
            }

            @Override
            public Page<WhatsAppAccount> findByOrganization(OrganizationId organizationId, PageRequest page) {
                return accounts.findByOrganization(organizationId, page);
            }
        };
        ProcessWebhookChangeService racing = new ProcessWebhookChangeService(inbox, registeringMeanwhile, translator,
                new GovernancePorts(warden.templates, warden.history, warden.versions, warden.quality,
                        warden.campaigns, warden.alerts, warden.organizations,
                        AutoPausePolicy.WHEN_NOT_SENDABLE),
                conversations(), unitOfWork, warden.events, InboxRetryPolicy.DEFAULT, deadLetterLog,
                metrics, warden.clock);
        deliver("APPROVED");
        racing.processNext();
        assertThat(inbox.backlog().unroutable()).as("stranded by the race").isEqualTo(1);

        int requeued = new SweepUnroutableService(inbox, accounts, new Alerting(warden.alerts), unitOfWork,
                warden.clock).sweep();
        drain();

        assertThat(requeued).isEqualTo(1);
        assertThat(warden.templates.findByKey(org, key).orElseThrow().status()).isEqualTo(TemplateStatus.APPROVED);
        assertThat(inbox.backlog().unroutable()).isZero();
        assertThat(warden.alerts.list(new AlertFilter(Optional.of(PlatformOrganization.ID), Optional.empty(),
                Optional.empty()), PageRequest.first()).items()).allSatisfy(alert ->
                assertThat(alert.state()).isEqualTo(AlertState.RESOLVED));
    }

    @Test
    void the_sweep_leaves_changes_of_a_still_unregistered_waba_alone() {
        deliver("APPROVED");
        drain();

        assertThat(new SweepUnroutableService(inbox, accounts, new Alerting(warden.alerts), unitOfWork, warden.clock)
                .sweep()).isZero();
        assertThat(inbox.backlog().unroutable()).isEqualTo(1);
    }

    @Test
    void only_a_super_admin_requeues_unroutable_changes_by_hand() {
        deliver("APPROVED");
        drain();
        RequeueUnroutableService requeue = new RequeueUnroutableService(inbox, new Alerting(warden.alerts),
                unitOfWork, auditLog, warden.clock);

        assertThatThrownBy(() -> requeue.requeueUnroutable(new Actor("ann", Role.ORG_ADMIN, Optional.of(org)),
                Optional.empty())).isInstanceOf(AccessDenied.class);
        assertThat(requeue.requeueUnroutable(ROOT, Optional.of(new WabaId("999")))).isZero();
        assertThat(requeue.requeueUnroutable(ROOT, Optional.empty())).as("nobody registered it yet").isZero();
        assertThat(requeue.requeueUnroutable(ROOT, Optional.of(new WabaId(WABA)))).isEqualTo(1);
        assertThat(inbox.backlog().pending()).isEqualTo(1);
    }

    private List<AlertSnapshot> alertsOf(OrganizationId organization, AlertType type) {
        return warden.alerts.list(new AlertFilter(Optional.of(organization), Optional.empty(), Optional.empty()),
                PageRequest.first()).items().stream().filter(alert -> alert.type() == type).toList();
    }

    @Test
    void an_unreadable_change_goes_to_the_dead_letters_with_an_alert_to_its_owner_and_a_log_line() {
        registerWaba();
        deliver("broken|broken again");
        long first = inbox.claimDueChanges(warden.now(), 10).get(0).id();

        drain();

        assertThat(inbox.backlog().dead()).isEqualTo(1);
        assertThat(alertsOf(org, AlertType.WEBHOOK_DEAD_LETTER)).singleElement().satisfies(alert -> {
            assertThat(alert.message()).contains(String.valueOf(first), "test", "message_template_id is missing");
            assertThat(alert.details()).containsEntry("changeId", String.valueOf(first)).containsEntry("field", "test");
        });
        assertThat(deadLetterLines).singleElement().asString()
                .startsWith(first + " test cannot be read: message_template_id is missing");
    }

    @Test
    void a_dead_letter_of_a_batch_that_rolled_back_is_logged_once_when_it_is_buried_for_good() {
        registerWaba();
        deliver("broken");
        // Claimed after the broken one (by id): the batch has buried it when this fails and rolls the batch back.
        deliver("explodes");

        assertThat(process.processNext()).isTrue();

        assertThat(inbox.backlog().dead()).isEqualTo(1);
        assertThat(deadLetterLines).as("buried in the batch that rolled back, then alone").singleElement().asString()
                .contains("message_template_id is missing");
    }

    @Test
    void a_change_failing_on_every_retry_raises_one_counted_alert_per_waba_and_logs_each_dead_letter() {
        registerWaba();
        deliver("explodes");
        deliver("explodes too");

        for (int i = 0; i < 50 && inbox.backlog().pending() > 0; i++) {
            drain();
            warden.clock.advance(Duration.ofHours(1));
        }

        assertThat(inbox.backlog().dead()).isEqualTo(2);
        assertThat(alertsOf(org, AlertType.WEBHOOK_DEAD_LETTER)).singleElement().satisfies(alert -> {
            assertThat(alert.message()).contains("failed 8 times", "database hiccup");
            assertThat(alert.count()).isEqualTo(2);
        });
        assertThat(deadLetterLines).hasSize(2).allSatisfy(line -> assertThat(line).contains("test", "database hiccup"));
    }

    @Test
    void a_concurrent_modification_is_retried_with_backoff_and_counted_until_the_dead_letters() {
        registerWaba();
        deliver("conflicts");
        long id = inbox.claimDueChanges(warden.now(), 10).get(0).id();

        assertThat(process.processNext()).isTrue();

        assertThat(inbox.row(id).change.attempts()).isEqualTo(1);
        assertThat(inbox.row(id).lastError).contains("ConcurrentModification");
        assertThat(inbox.row(id).nextAttemptAt).isAfterOrEqualTo(warden.now())
                .isBeforeOrEqualTo(warden.now().plus(InboxRetryPolicy.DEFAULT.firstDelay()));
        for (int i = 0; i < 100 && inbox.backlog().pending() > 0; i++) {
            warden.clock.advance(Duration.ofHours(1));
            drain();
        }
        assertThat(inbox.row(id).state).isEqualTo("DEAD");
        assertThat(inbox.row(id).change.attempts()).as("a lost race gets more attempts than a fault")
                .isEqualTo(InboxRetryPolicy.DEFAULT.maxAttempts() * InboxRetryPolicy.CONTENTION_FACTOR);
        assertThat(alertsOf(org, AlertType.WEBHOOK_DEAD_LETTER)).hasSize(1);
    }

    @Test
    void a_change_that_overflows_the_stack_fails_alone_and_the_others_of_its_batch_apply() {
        registerWaba();
        deliver("overflows");
        deliver("APPROVED");

        assertThat(process.processNext()).isTrue();

        assertThat(warden.templates.findByKey(org, key)).get().extracting(t -> t.status())
                .isEqualTo(TemplateStatus.APPROVED);
        assertThat(inbox.backlog().pending()).isEqualTo(1);
        assertThat(inbox.backlog().nextDueReceivedAt()).as("the retried change waits").isPresent();
        assertThat(inbox.deadLetters(PageRequest.first()).items()).isEmpty();
    }

    @Test
    void an_alert_resolved_and_raised_again_in_one_batch_is_written_without_the_batch_falling_back() {
        registerWaba();
        deliver("PAUSED");
        drain();
        warden.clock.advance(Duration.ofHours(1));
        deliver("APPROVED");
        deliver("PAUSED again");

        assertThat(process.processNext()).isTrue();

        assertThat(inbox.claimedAlone).as("changes redone one by one").isZero();
        assertThat(alertsOf(org, AlertType.TEMPLATE_PAUSED)).extracting(AlertSnapshot::state)
                .containsExactlyInAnyOrder(AlertState.RESOLVED, AlertState.OPEN);
    }
}
