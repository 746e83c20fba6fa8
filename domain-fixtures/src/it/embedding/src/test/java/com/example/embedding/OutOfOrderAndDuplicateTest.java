package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaEvent;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutOfOrderAndDuplicateTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");
    private final Instant nine = warden.now();

    @Test
    void a_change_that_arrives_after_a_newer_one_is_kept_as_stale_and_changes_nothing() {
        MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme).withStatus(TemplateStatus.PENDING));

        // Meta paused the template at 9:01 and approved it at 9:04; the approval is received first, at 9:05.
        warden.report(order, MetaReports.event(MetaEvent.APPROVED, nine.plus(Duration.ofMinutes(4))),
                nine.plus(Duration.ofMinutes(5)));
        GovernanceResult late = warden.report(order, MetaReports.paused(PauseKind.FIRST,
                nine.plus(Duration.ofMinutes(1))), nine.plus(Duration.ofMinutes(6)));

        assertThat(late.result()).isEqualTo(ChangeOutcome.Result.STALE);
        assertThat(warden.template(order).status()).isEqualTo(TemplateStatus.APPROVED);
        // History keeps it, with Meta's event time and the time Warden received it.
        assertThat(warden.history.list(acme, order.id(), PageRequest.first()).items())
                .anySatisfy(entry -> {
                    assertThat(entry.stale()).isTrue();
                    assertThat(entry.occurredAt()).isEqualTo(nine.plus(Duration.ofMinutes(1)));
                    assertThat(entry.recordedAt()).isEqualTo(nine.plus(Duration.ofMinutes(6)));
                });
    }

    @Test
    void the_same_change_delivered_twice_counts_once() {
        MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme));
        ReportedChange.Status paused = MetaReports.paused(PauseKind.FIRST, nine.plus(Duration.ofMinutes(1)));

        assertThat(warden.report(order, paused).result()).isEqualTo(ChangeOutcome.Result.APPLIED);
        assertThat(warden.report(order, paused).result()).isEqualTo(ChangeOutcome.Result.DUPLICATE);

        assertThat(warden.openAlerts(order)).singleElement().extracting(AlertSnapshot::count).isEqualTo(1);
    }

    @Test
    void an_event_warden_does_not_know_is_kept_and_changes_nothing() {
        MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme));

        GovernanceResult result = warden.report(order,
                MetaReports.unknown("SUSPENDED_FOR_REVIEW", nine.plus(Duration.ofMinutes(1))));

        assertThat(result.result()).isEqualTo(ChangeOutcome.Result.UNRECOGNISED);
        assertThat(warden.template(order).status()).isEqualTo(TemplateStatus.APPROVED);
    }
}
