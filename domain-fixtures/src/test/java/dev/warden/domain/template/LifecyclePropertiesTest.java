package dev.warden.domain.template;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.domain.fixtures.MetaReports;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the lifecycle under Meta's delivery: any order, any repetition, unknown values. */
class LifecyclePropertiesTest {

    private static final List<TemplateStatus> STATUSES = List.of(TemplateStatus.APPROVED, TemplateStatus.PAUSED,
            TemplateStatus.DISABLED, TemplateStatus.REJECTED, TemplateStatus.PENDING, TemplateStatus.IN_APPEAL,
            TemplateStatus.LOCKED, TemplateStatus.ARCHIVED);

    private static final Gen<List<TemplateStatus>> EVENTS = lists().of(Generate.pick(STATUSES)).ofSizeBetween(1, 12);

    @Test
    void the_newest_status_wins_whatever_order_the_deliveries_arrive_in() {
        qt().forAll(EVENTS, integers().allPositive()).checkAssert((events, seed) -> {
            List<ReportedChange> changes = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                changes.add(MetaReports.status(events.get(i), T0.plusSeconds(10L * (i + 1))));
            }
            Collections.shuffle(changes, new Random(seed));
            MessageTemplate template = aTemplate().withStatus(TemplateStatus.PENDING).build();

            changes.forEach(change -> template.apply(change, T0));

            assertThat(template.status()).isEqualTo(events.get(events.size() - 1));
        });
    }

    @Test
    void delivering_everything_again_changes_nothing() {
        qt().forAll(EVENTS).checkAssert(events -> {
            MessageTemplate template = aTemplate().withStatus(TemplateStatus.PENDING).build();
            List<ReportedChange> changes = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                changes.add(MetaReports.status(events.get(i), T0.plusSeconds(10L * (i + 1))));
            }
            changes.forEach(change -> template.apply(change, T0));
            TemplateSnapshot once = template.snapshot();

            List<ChangeOutcome> again = changes.stream().map(change -> template.apply(change, T0)).toList();

            assertThat(template.snapshot()).isEqualTo(once);
            assertThat(again).noneMatch(ChangeOutcome::changedState);
            assertThat(again).allMatch(outcome -> outcome.events().isEmpty());
        });
    }

    @Test
    void within_one_second_the_most_restrictive_status_wins_whatever_the_arrival_order() {
        qt().forAll(EVENTS, integers().allPositive()).checkAssert((events, seed) -> {
            List<ReportedChange> changes = new ArrayList<>();
            events.forEach(status -> changes.add(MetaReports.status(status, T0.plusSeconds(10))));
            Collections.shuffle(changes, new Random(seed));
            MessageTemplate template = aTemplate().withStatus(TemplateStatus.PENDING).build();

            List<ChangeOutcome> outcomes = changes.stream().map(change -> template.apply(change, T0)).toList();

            TemplateStatus strictest = events.stream().reduce((a, b) -> a.isMoreRestrictiveThan(b) ? a : b).orElseThrow();
            assertThat(template.status()).isEqualTo(strictest);
            // Both sides of every tie are in history: the winner applied, the loser as stale.
            assertThat(outcomes.stream().flatMap(o -> o.history().stream()).map(TemplateHistoryEntry::current))
                    .containsAll(events.stream().filter(s -> s != TemplateStatus.PENDING).map(Enum::name).toList());
        });
    }

    @Test
    void a_marker_never_makes_an_older_status_change_stale() {
        qt().forAll(Generate.pick(List.of(StatusMarker.FLAGGED, StatusMarker.REINSTATED)), Generate.pick(STATUSES))
                .checkAssert((marker, status) -> {
                    MessageTemplate template = aTemplate().withStatus(TemplateStatus.APPROVED).build();
                    template.apply(MetaReports.marker(marker, T0.plusSeconds(20)), T0);

                    ChangeOutcome late = template.apply(MetaReports.status(status, T0.plusSeconds(10)), T0);

                    assertThat(late.result()).isNotEqualTo(ChangeOutcome.Result.STALE);
                    assertThat(template.status()).isEqualTo(status);
                });
    }

    @Test
    void no_unknown_event_value_ever_changes_the_status() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 24)).checkAssert(value -> {
            MessageTemplate template = aTemplate().build();
            ChangeOutcome outcome = template.apply(ReportedChange.Status.of(new StatusEvent.Unrecognised(value), T0), T0);
            assertThat(outcome.result()).isEqualTo(ChangeOutcome.Result.UNRECOGNISED);
            assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
        });
    }
}
