package dev.warden.domain.template;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.fixtures.MetaReports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a template's category standing shows, read from the template and its category history. */
class CategoryInfoTest {

    private final MessageTemplate template = aTemplate().build();
    private final List<TemplateHistoryEntry> history = new ArrayList<>();

    private void apply(ReportedChange change) {
        history.addAll(template.apply(change, change.occurredAt()).history());
    }

    private CategoryInfo info() {
        List<TemplateHistoryEntry> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return CategoryInfo.of(template.snapshot(), newestFirst);
    }

    @Test
    void a_template_meta_never_recategorised_has_no_last_change_and_no_meta_report() {
        CategoryInfo info = info();

        assertThat(info.category()).isEqualTo(template.category());
        assertThat(info.lastChange()).isEmpty();
        assertThat(info.metaReported()).isEmpty();
        assertThat(info.pendingChange()).isEmpty();
    }

    @Test
    void the_last_applied_change_counts_not_a_notice_a_stale_report_or_a_persons_flag() {
        apply(MetaReports.categoryImpending(TemplateCategory.MARKETING, T0.plus(Duration.ofDays(1)), T0.plusSeconds(10)));
        assertThat(info().pendingChange()).map(PendingCategoryChange::category).contains(TemplateCategory.MARKETING);
        assertThat(info().lastChange()).as("a notice is not a change").isEmpty();

        apply(MetaReports.categoryChanged(TemplateCategory.UTILITY, TemplateCategory.MARKETING, T0.plusSeconds(20)));
        apply(MetaReports.categoryChanged(TemplateCategory.UTILITY, TemplateCategory.AUTHENTICATION,
                T0.plusSeconds(15)));
        template.allowCategoryChange(true, "alice", T0.plusSeconds(30)).ifPresent(history::add);

        CategoryInfo info = info();
        assertThat(history.get(history.size() - 2).stale()).as("the older report is stale").isTrue();
        assertThat(info.category()).isEqualTo(TemplateCategory.MARKETING);
        assertThat(info.pendingChange()).isEmpty();
        assertThat(info.allowCategoryChange()).isTrue();
        assertThat(info.awaitingConsent()).isTrue();
        assertThat(info.lastChange()).get().satisfies(line -> {
            assertThat(line.event()).isEqualTo("CATEGORY_CHANGED");
            assertThat(line.current()).isEqualTo("MARKETING");
        });
        assertThat(info.metaReported()).get().satisfies(report -> {
            assertThat(report.category()).isEqualTo("MARKETING");
            assertThat(report.at()).isEqualTo(T0.plusSeconds(20));
            assertThat(report.source()).isEqualTo(ChangeSource.WEBHOOK);
        });
    }
}
