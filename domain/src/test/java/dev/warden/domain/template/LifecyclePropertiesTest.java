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

    private static final List<String> STATUSES = List.of("APPROVED", "PAUSED", "DISABLED", "REJECTED", "PENDING",
            "IN_APPEAL", "LOCKED");

    private static final Gen<List<String>> EVENTS = lists().of(Generate.pick(STATUSES)).ofSizeBetween(1, 12);

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

            assertThat(template.status().name()).isEqualTo(events.get(events.size() - 1));
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
    void no_unknown_event_value_ever_changes_the_status() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 24)).assuming(value ->
                        TemplateStatus.fromMeta(value).isEmpty() && StatusMarker.fromMeta(value).isEmpty())
                .checkAssert(value -> {
                    MessageTemplate template = aTemplate().build();
                    ChangeOutcome outcome = template.apply(MetaReports.status(value, T0), T0);
                    assertThat(outcome.result()).isEqualTo(ChangeOutcome.Result.UNRECOGNISED);
                    assertThat(template.status()).isEqualTo(TemplateStatus.APPROVED);
                });
    }
}
