package dev.warden.adapters.persistence;

import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.NotificationBacklog;
import dev.warden.application.port.out.NotificationOutbox;
import dev.warden.domain.alert.Alert;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import dev.warden.domain.notification.NotificationStatus;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notification outbox on a real PostgreSQL: dedupe, SKIP LOCKED claims, lost claims, replay, scoping. */
class JooqNotificationOutboxIT {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final OrganizationId org = OrganizationId.random();
    private final OrganizationId other = OrganizationId.random();
    private DSLContext dsl;
    private JooqNotificationOutbox outbox;

    @BeforeEach
    void empty() {
        dsl = TestDatabase.emptyDatabase();
        outbox = new JooqNotificationOutbox(dsl);
        new JooqOrganizationRepository(dsl).add(Organization.create(org, "Acme", T0));
        new JooqOrganizationRepository(dsl).add(Organization.create(other, "Globex", T0));
    }

    private static Notification queued(OrganizationId org, String key) {
        return Notification.queue(org, Optional.of(UUID.randomUUID()), key, ChannelKind.EMAIL, "ops@example.com",
                new NotificationMessage(AlertSeverity.CRITICAL, "t", "x", fields(), "/alerts/1"),
                3, T0);
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Severity", "CRITICAL");
        fields.put("Type", "QUALITY_DEGRADED");
        fields.put("A", "last");
        return fields;
    }

    @Test
    void the_backlog_counts_what_waits_and_when_the_next_one_became_due() {
        JooqNotificationBacklog backlog = new JooqNotificationBacklog(dsl);
        assertThat(backlog.backlog()).isEqualTo(new NotificationBacklog.Backlog(0, Optional.empty()));

        outbox.enqueue(List.of(queued(org, "b:1"), queued(other, "b:2"), queued(org, "b:3")));
        List<Notification> claimed = outbox.claimDue(T0, T0.plus(Duration.ofMinutes(2)), 1);
        outbox.record(claimed.get(0), NotificationStatus.SENT, T0, Optional.empty(), Optional.empty(), T0);

        NotificationBacklog.Backlog waiting = backlog.backlog();
        assertThat(waiting.waiting()).as("the sent one no more").isEqualTo(2);
        assertThat(waiting.nextDueAt()).contains(T0);
        assertThat(waiting.lagAt(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void the_same_dedupe_key_is_stored_once_per_organisation() {
        outbox.enqueue(List.of(queued(org, "a:RAISED:EMAIL:ops"), queued(other, "a:RAISED:EMAIL:ops")));
        outbox.enqueue(List.of(queued(org, "a:RAISED:EMAIL:ops")));

        assertThat(outbox.list(new NotificationOutbox.Filter(Optional.of(org), Optional.empty(), Optional.empty()),
                PageRequest.first()).total()).isEqualTo(1);
        assertThat(outbox.list(new NotificationOutbox.Filter(Optional.empty(), Optional.empty(), Optional.empty()),
                PageRequest.first()).total()).isEqualTo(2);
    }

    @Test
    void the_purge_deletes_old_sent_notifications_in_batches_and_keeps_the_rest() {
        JooqAlertRepository alerts = new JooqAlertRepository(dsl);
        Alert open = Alert.raise(AlertId.random(), org, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL,
                new AlertSubject("TEMPLATE", "t1"), "RED", Map.of(), T0);
        Alert resolved = Alert.raise(AlertId.random(), org, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL,
                new AlertSubject("TEMPLATE", "t2"), "RED", Map.of(), T0);
        alerts.add(open);
        alerts.add(resolved);
        resolved.resolve(T0.plusSeconds(5));
        alerts.update(resolved);
        Notification ofOpenAlert = about(open.id(), "open");
        Notification ofResolvedAlert = about(resolved.id(), "resolved");
        Notification old = queued(org, "old");
        Notification otherOld = queued(other, "other-old");
        Notification dead = queued(org, "dead");
        Notification recent = queued(org, "recent");
        Notification waiting = queued(org, "waiting");
        outbox.enqueue(List.of(ofOpenAlert, ofResolvedAlert, old, otherOld, dead, recent, waiting));
        settle(List.of(ofOpenAlert, ofResolvedAlert, old, otherOld), NotificationStatus.SENT, T0.plusSeconds(10));
        settle(List.of(dead), NotificationStatus.DEAD, T0.plusSeconds(10));
        settle(List.of(recent), NotificationStatus.SENT, T0.plus(Duration.ofDays(20)));
        Instant cutoff = T0.plus(Duration.ofDays(10));

        assertThat(outbox.purgeSent(cutoff, 2)).as("at most a batch").isEqualTo(2);
        assertThat(outbox.purgeSent(cutoff, 2)).isEqualTo(1);
        assertThat(outbox.purgeSent(cutoff, 2)).isZero();

        assertThat(outbox.find(org, old.id())).isEmpty();
        assertThat(outbox.find(other, otherOld.id())).isEmpty();
        assertThat(outbox.find(org, ofResolvedAlert.id())).isEmpty();
        assertThat(outbox.find(org, ofOpenAlert.id())).as("its alert is still open").isPresent();
        assertThat(outbox.find(org, dead.id())).as("waits for a replay").isPresent();
        assertThat(outbox.find(org, recent.id())).isPresent();
        assertThat(outbox.find(org, waiting.id())).isPresent();
        assertThat(dsl.fetchCount(DSL.table("notification_attempts"), DSL.field("notification_id").eq(old.id())))
                .as("its attempts went with it").isZero();
    }

    private Notification about(AlertId alert, String key) {
        return Notification.queue(org, Optional.of(alert.value()), key, ChannelKind.EMAIL,
                "ops@example.com", new NotificationMessage(AlertSeverity.CRITICAL, "t", "x", fields(), "/alerts/1"), 3,
                T0);
    }

    /** Claims and records each as it ended, at the given time. */
    private void settle(List<Notification> notifications, NotificationStatus status, Instant at) {
        List<UUID> ids = notifications.stream().map(Notification::id).toList();
        for (Notification claimed : outbox.claimDue(T0.plus(Duration.ofDays(365)), T0.plus(Duration.ofDays(366)), 100)) {
            if (ids.contains(claimed.id())) {
                outbox.record(claimed, status, at, Optional.empty(), Optional.empty(), at);
            } else {
                outbox.record(claimed, NotificationStatus.QUEUED, claimed.createdAt(), Optional.empty(),
                        Optional.empty(), claimed.createdAt());
            }
        }
    }

    @Test
    void every_running_campaign_gets_a_share_of_the_claims_not_only_the_first_one() {
        MessageTemplate template = aTemplate().in(org).named("spring_offer").build();
        new JooqTemplateRepository(dsl).add(template);
        Map<CampaignId, Integer> claimed = new HashMap<>();
        List<Notification> sends = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Campaign campaign = Campaign.draft(CampaignId.random(), org, "campaign " + c, template.id(), T0);
            campaign.start(TemplateStatus.APPROVED, false, T0);
            new JooqCampaignRepository(dsl).add(campaign);
            claimed.put(campaign.id(), 0);
            for (int i = 0; i < 100; i++) {
                OutboundMessage message = OutboundMessage.template(SendProvider.META, TemplateFixtures.WABA,
                        Optional.of("106540352242922"), Recipient.parse("+9198100" + (10000 + c * 1000 + i)),
                        new OutboundMessage.TemplateRef(template.id(), "spring_offer", "en_US",
                                TemplateCategory.MARKETING, ParameterFormat.POSITIONAL),
                        List.of(), List.of(), Optional.empty()).of(campaign.id());
                sends.add(Notification.send(org, "campaign:" + campaign.id() + ":" + i, message, 3, T0));
            }
        }
        new JooqCampaignSends(dsl).add(sends);

        // Twenty claims of five: in one fixed order the first campaign would take all hundred.
        for (int claim = 0; claim < 20; claim++) {
            for (Notification n : outbox.claimDue(T0, T0.plusSeconds(60), 10, 5)) {
                claimed.merge(n.outbound().orElseThrow().campaignId().orElseThrow(), 1, Integer::sum);
            }
        }
        assertThat(claimed.values()).as("claims by campaign").allSatisfy(n -> assertThat(n).isPositive())
                .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100));
    }

    @Test
    void the_sweep_settles_what_a_cancel_could_not_reach_and_leaves_live_claims_and_running_campaigns_alone() {
        MessageTemplate template = aTemplate().in(org).named("spring_offer").build();
        new JooqTemplateRepository(dsl).add(template);
        JooqCampaignRepository campaigns = new JooqCampaignRepository(dsl);
        List<CampaignId> ids = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Campaign campaign = Campaign.draft(CampaignId.random(), org, "campaign " + c, template.id(), T0);
            campaign.start(TemplateStatus.APPROVED, false, T0);
            campaigns.add(campaign);
            ids.add(campaign.id());
            List<Notification> sends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sends.add(Notification.send(org, "campaign:" + campaign.id() + ":" + i, OutboundMessage.template(
                        SendProvider.META, TemplateFixtures.WABA, Optional.of("106540352242922"),
                        Recipient.parse("+9198100" + (20000 + c * 10 + i)), new OutboundMessage.TemplateRef(
                                template.id(), "spring_offer", "en_US", TemplateCategory.MARKETING,
                                ParameterFormat.POSITIONAL), List.of(), List.of(), Optional.empty()).of(campaign.id()),
                        3, T0));
            }
            new JooqCampaignSends(dsl).add(sends);
        }
        // The first campaign's three sends claimed; one of them then put back by its dispatcher (a cool-down).
        List<Notification> claimed = outbox.claimDue(T0, T0.plusSeconds(60), 10, 100).stream()
                .filter(n -> n.outbound().orElseThrow().campaignId().orElseThrow().equals(ids.get(0))).toList();
        assertThat(claimed).hasSize(3);
        Campaign cancelled = campaigns.findById(org, ids.get(0)).orElseThrow();
        cancelled.cancelBy("carol", T0.plusSeconds(1));
        campaigns.update(cancelled);
        assertThat(new JooqCampaignSends(dsl).dropWaiting(org, ids.get(0), "cancelled", T0.plusSeconds(1)))
                .as("the cancel leaves claimed sends to their dispatchers").isZero();
        outbox.record(claimed.get(0), NotificationStatus.QUEUED, T0.plusSeconds(2), Optional.empty(),
                Optional.empty(), T0.plusSeconds(3600));

        JooqCampaignSends sends = new JooqCampaignSends(dsl);
        assertThat(sends.dropWaitingOfCancelled("cancelled", T0.plusSeconds(30))).as("the one put back").isEqualTo(1);
        assertThat(sends.dropWaitingOfCancelled("cancelled", T0.plusSeconds(61))).as("claims run out").isEqualTo(2);
        assertThat(sends.dropWaitingOfCancelled("cancelled", T0.plusSeconds(90))).isZero();
        assertThat(sends.progress(org, ids)).satisfies(progress -> {
            assertThat(progress.get(ids.get(0)).skipped()).isEqualTo(3);
            assertThat(progress.get(ids.get(1)).remaining()).as("a running campaign's sends").isEqualTo(3);
        });
    }

    @Test
    void a_send_warden_skipped_by_its_own_rule_is_no_failure_of_the_channel_and_a_refused_one_is() {
        List<Notification> sends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sends.add(Notification.send(org, "event:" + i, OutboundMessage.template(SendProvider.META,
                    TemplateFixtures.WABA, Optional.of("106540352242922"), Recipient.parse("+9198100" + (30000 + i)),
                    new OutboundMessage.TemplateRef(dev.warden.domain.template.TemplateId.random(), "weekly_offer",
                            "en_US", TemplateCategory.MARKETING, ParameterFormat.POSITIONAL), List.of(), List.of(),
                    Optional.empty()), 3, T0));
        }
        outbox.enqueue(sends);
        List<Notification> claimed = outbox.claimDue(T0, T0.plusSeconds(60), 10);
        assertThat(claimed).hasSize(2);

        outbox.record(claimed.get(0), NotificationStatus.SKIPPED, T0.plusSeconds(1),
                Optional.of("not sent: the contact opted out of marketing"), Optional.empty(), T0.plusSeconds(1));
        assertThat(whatsApp()).satisfies(health -> {
            assertThat(health.lastFailure()).isEmpty();
            assertThat(health.lastError()).isEmpty();
        });

        outbox.record(claimed.get(1), NotificationStatus.FAILED, T0.plusSeconds(2),
                Optional.of("RECIPIENT_UNREACHABLE (recipient): undeliverable"), Optional.empty(), T0.plusSeconds(2));
        assertThat(whatsApp()).satisfies(health -> {
            assertThat(health.lastFailure()).contains(T0.plusSeconds(2));
            assertThat(health.lastError()).hasValueSatisfying(error -> assertThat(error).contains("undeliverable"));
        });
    }

    private NotificationOutbox.ChannelHealth whatsApp() {
        return outbox.health(org).stream().filter(h -> h.channel() == ChannelKind.WHATSAPP).findFirst().orElseThrow();
    }

    @Test
    void claims_skip_rows_another_dispatcher_holds() {
        outbox.enqueue(List.of(queued(org, "1"), queued(org, "2")));

        List<UUID> both = DSL.using(TestDatabase.dataSource(), SQLDialect.POSTGRES).transactionResult(c -> {
            List<Notification> first = new JooqNotificationOutbox(c.dsl()).claimDue(T0, T0.plusSeconds(120), 1);
            // A second dispatcher on its own connection while the first still holds its row.
            List<Notification> second = new JooqNotificationOutbox(DSL.using(TestDatabase.dataSource(),
                    SQLDialect.POSTGRES)).claimDue(T0, T0.plusSeconds(120), 5);
            assertThat(first).hasSize(1);
            assertThat(second).hasSize(1);
            return List.of(first.get(0).id(), second.get(0).id());
        });

        assertThat(both).doesNotHaveDuplicates();
        assertThat(outbox.claimDue(T0.plusSeconds(1), T0.plusSeconds(120), 5)).as("both are claimed").isEmpty();
    }

    @Test
    void an_outcome_is_recorded_with_its_attempt_and_a_lost_claim_records_nothing() {
        Notification stored = queued(org, "k");
        outbox.enqueue(List.of(stored));

        Notification claimed = outbox.claimDue(T0, T0.plusSeconds(60), 5).get(0);
        assertThat(claimed.status()).isEqualTo(NotificationStatus.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(outbox.claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 5)).as("claimed until T0+60").isEmpty();

        // The dispatcher died after sending: the claim expires and another takes the notification.
        Notification again = outbox.claimDue(T0.plusSeconds(61), T0.plusSeconds(120), 5).get(0);
        assertThat(again.id()).isEqualTo(stored.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(outbox.record(claimed, NotificationStatus.SENT, T0.plusSeconds(62), Optional.empty(),
                Optional.of("<old>"), T0)).as("the lost claim").isFalse();

        assertThat(outbox.record(again, NotificationStatus.RETRYING, T0.plusSeconds(63), Optional.of("4xx"),
                Optional.empty(), T0.plusSeconds(70))).isTrue();
        Notification retrying = outbox.find(org, stored.id()).orElseThrow();
        assertThat(retrying.status()).isEqualTo(NotificationStatus.RETRYING);
        assertThat(retrying.lastError()).contains("4xx");
        assertThat(outbox.claimDue(T0.plusSeconds(69), T0.plusSeconds(200), 5)).isEmpty();

        Notification third = outbox.claimDue(T0.plusSeconds(70), T0.plusSeconds(200), 5).get(0);
        assertThat(outbox.record(third, NotificationStatus.SENT, T0.plusSeconds(71), Optional.empty(),
                Optional.of("<id@warden>"), T0.plusSeconds(71))).isTrue();
        Notification sent = outbox.find(org, stored.id()).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.providerMessageId()).contains("<id@warden>");
        assertThat(sent.attemptLog()).extracting(a -> a.number() + " " + a.result())
                .containsExactly("2 RETRYING", "3 SENT");
        assertThat(sent.message().fields().keySet()).as("in the order given").containsExactly("Severity", "Type", "A");
        assertThat(outbox.replay(org, stored.id(), T0.plusSeconds(80), 3)).as("a SENT one is not replayed").isFalse();
    }

    @Test
    void a_batch_of_outcomes_is_recorded_together_and_a_claim_lost_in_it_changes_nothing() {
        outbox.enqueue(List.of(queued(org, "1"), queued(org, "2"), queued(other, "3")));
        Notification first = outbox.claimDue(T0, T0.plusSeconds(60), 1).get(0);
        List<Notification> rest = outbox.claimDue(T0.plusSeconds(30), T0.plusSeconds(120), 5);
        assertThat(rest).hasSize(2);
        // The first claim expires and another dispatcher takes that notification before the batch is recorded.
        Notification again = outbox.claimDue(T0.plusSeconds(61), T0.plusSeconds(180), 5).get(0);
        assertThat(again.id()).isEqualTo(first.id());

        java.util.Set<UUID> recorded = outbox.recordAll(List.of(
                outcome(first, NotificationStatus.SENT, T0.plusSeconds(62)),
                outcome(rest.get(0), NotificationStatus.SENT, T0.plusSeconds(62)),
                outcome(rest.get(1), NotificationStatus.RETRYING, T0.plusSeconds(62))));

        assertThat(recorded).containsExactlyInAnyOrder(rest.get(0).id(), rest.get(1).id());
        assertThat(outbox.find(rest.get(0).organizationId(), rest.get(0).id()).orElseThrow().attemptLog())
                .extracting(a -> a.number() + " " + a.result()).containsExactly("1 SENT");
        assertThat(outbox.find(rest.get(1).organizationId(), rest.get(1).id()).orElseThrow())
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.RETRYING))
                .satisfies(n -> assertThat(n.lastError()).contains("503"));
        Notification taken = outbox.find(first.organizationId(), first.id()).orElseThrow();
        assertThat(taken.status()).as("still the other dispatcher's").isEqualTo(NotificationStatus.SENDING);
        assertThat(taken.attemptLog()).isEmpty();

        assertThat(outbox.recordAll(List.of(outcome(again, NotificationStatus.SENT, T0.plusSeconds(63)))))
                .containsExactly(first.id());
        assertThat(outbox.find(first.organizationId(), first.id()).orElseThrow().attemptLog()).extracting(a -> a.number() + " " + a.result())
                .as("sent once more, recorded once").containsExactly("2 SENT");
    }

    private static NotificationOutbox.Outcome outcome(Notification claimed, NotificationStatus status, Instant at) {
        Optional<String> error = status == NotificationStatus.SENT ? Optional.empty() : Optional.of("503");
        return new NotificationOutbox.Outcome(claimed, status, at, error, Optional.empty(), at.plusSeconds(5));
    }

    @Test
    void a_dead_notification_is_replayed_with_fresh_attempts_and_shows_in_health() {
        Notification stored = queued(org, "k");
        outbox.enqueue(List.of(stored));
        Notification claimed = outbox.claimDue(T0, T0.plusSeconds(60), 5).get(0);
        outbox.record(claimed, NotificationStatus.DEAD, T0.plusSeconds(1), Optional.of("gone"), Optional.empty(), T0);

        NotificationOutbox.ChannelHealth email = outbox.health(org).stream()
                .filter(h -> h.channel() == ChannelKind.EMAIL).findFirst().orElseThrow();
        assertThat(email.dead()).isEqualTo(1);
        assertThat(email.lastError()).contains("gone");
        assertThat(email.lastSuccess()).isEmpty();
        assertThat(outbox.health(other)).allSatisfy(h -> assertThat(h.dead()).isZero());

        assertThat(outbox.replay(other, stored.id(), T0.plusSeconds(2), 3)).as("another organisation's").isFalse();
        assertThat(outbox.replay(org, stored.id(), T0.plusSeconds(2), 3)).isTrue();
        Notification replayed = outbox.find(org, stored.id()).orElseThrow();
        assertThat(replayed.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(replayed.maxAttempts()).isEqualTo(4);
        assertThat(outbox.claimDue(T0.plusSeconds(2), T0.plusSeconds(60), 5)).hasSize(1);
        assertThat(outbox.find(other, stored.id())).isEmpty();
        assertThat(outbox.ownerOf(stored.id())).contains(org);
    }

    @Test
    void a_try_not_made_puts_the_notification_back_without_its_attempt() {
        Notification stored = queued(org, "held");
        outbox.enqueue(List.of(stored));
        Notification claimed = outbox.claimDue(T0, T0.plusSeconds(60), 5).get(0);
        assertThat(claimed.attempts()).isEqualTo(1);

        assertThat(outbox.recordAll(List.of(new NotificationOutbox.Outcome(claimed, NotificationStatus.QUEUED,
                T0.plusSeconds(1), Optional.empty(), Optional.empty(), T0.plusSeconds(1), false))))
                .containsExactly(stored.id());

        Notification back = outbox.find(org, stored.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(back.attempts()).as("the claim's attempt taken back").isZero();
        assertThat(back.attemptLog()).as("no try logged").isEmpty();
        Notification again = outbox.claimDue(T0.plusSeconds(1), T0.plusSeconds(60), 5).get(0);
        assertThat(again.attempts()).isEqualTo(1);
    }

    @Test
    void the_purge_keeps_each_templates_latest_send_for_the_archival_outlook() {
        java.util.UUID template = java.util.UUID.randomUUID();
        sentSend(template, T0);
        sentSend(template, T0.plusSeconds(60));
        sentSend(null, T0.plusSeconds(90));
        dsl.execute("INSERT INTO template_last_sends VALUES (CAST(? AS uuid), CAST(? AS uuid), CAST(? AS timestamptz))",
                org.value(), template, java.time.OffsetDateTime.parse("2026-11-01T00:00:00Z"));

        assertThat(outbox.purgeSent(T0.plus(Duration.ofDays(1)), 10)).isEqualTo(3);

        assertThat(dsl.fetchValue("SELECT last_sent_at FROM template_last_sends WHERE organization_id = CAST(? AS uuid) "
                + "AND template_id = CAST(? AS uuid)", org.value(), template)).isNotNull()
                .extracting(at -> ((java.time.OffsetDateTime) at).toInstant()).isEqualTo(T0.plusSeconds(60));
        assertThat(dsl.fetchCount(dsl.selectFrom("template_last_sends"))).as("a send of no template keeps nothing")
                .isEqualTo(1);
    }

    /** A customer send its provider accepted at {@code at}, as the outbox stores one (V18). */
    private void sentSend(java.util.UUID template, Instant at) {
        java.util.UUID id = java.util.UUID.randomUUID();
        String outbound = template == null ? "{\"kind\":\"TEXT\"}"
                : "{\"kind\":\"TEMPLATE\",\"template\":{\"id\":\"" + template + "\"}}";
        dsl.execute("""
                INSERT INTO notifications (organization_id, id, dedupe_key, channel, recipient, message, status,
                                           attempts, max_attempts, created_at, next_attempt_at, updated_at, outbound)
                VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, 'WHATSAPP', '15550001111', '{}'::jsonb, 'SENT', 1, 3,
                        CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS jsonb))""",
                org.value(), id, "send:" + id, at.toString(), at.toString(), at.toString(), outbound);
    }
}
