package dev.warden.domain.health;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.template.ChangeKind;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.PauseInfo;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CriticalRuleTest {

    private static final CriticalRule RULE = new CriticalRule(Duration.ofHours(48));
    private static final Instant STATUS_AT = T0.plus(Duration.ofDays(3));
    private static final Instant NOW = STATUS_AT.plus(Duration.ofDays(3));

    @Test
    void an_approved_green_template_is_fine() {
        assertThat(RULE.findings(with(TemplateStatus.APPROVED, QualityRating.GREEN), NOW)).isEmpty();
    }

    @Test
    void an_archived_template_is_critical_until_the_deletion_deadline_the_archive_alert_names() {
        List<Finding> findings = RULE.findings(with(TemplateStatus.ARCHIVED, QualityRating.GREEN), NOW);

        assertThat(findings).containsExactly(new Finding(CriticalReason.ARCHIVED, STATUS_AT,
                Optional.of(STATUS_AT.plus(Duration.ofDays(28)).toString())));
    }

    @Test
    void a_template_pending_longer_than_allowed_is_critical_and_one_pending_less_long_is_not() {
        TemplateSnapshot pending = with(TemplateStatus.PENDING, QualityRating.UNKNOWN);

        assertThat(RULE.findings(pending, STATUS_AT.plus(Duration.ofHours(47)))).isEmpty();
        assertThat(RULE.findings(pending, STATUS_AT.plus(Duration.ofHours(49))))
                .extracting(Finding::reason).containsExactly(CriticalReason.PENDING_TOO_LONG);
        assertThat(new CriticalRule(Duration.ofHours(1)).findings(pending, STATUS_AT.plus(Duration.ofHours(2))))
                .extracting(Finding::since).containsExactly(STATUS_AT);
    }

    @Test
    void a_template_with_no_status_clock_counts_from_when_it_was_first_seen() {
        TemplateSnapshot pending = TemplateFixtures.aTemplate().withStatus(TemplateStatus.PENDING).build().snapshot();

        assertThat(CriticalRule.statusSince(pending)).isEqualTo(pending.createdAt());
        assertThat(RULE.findings(pending, pending.createdAt().plus(Duration.ofDays(3))))
                .extracting(Finding::reason).containsExactly(CriticalReason.PENDING_TOO_LONG);
    }

    @Test
    void every_reason_of_a_template_is_listed_most_urgent_first_each_with_its_own_since() {
        MessageTemplate template = TemplateFixtures.aTemplate().build();
        Instant flaggedAt = T0.plusSeconds(100);
        Instant redAt = T0.plusSeconds(200);
        template.apply(MetaReports.flagged("January 31, 2026", flaggedAt), flaggedAt);
        template.apply(MetaReports.quality(QualityRating.GREEN, QualityRating.RED, redAt), redAt);

        List<Finding> findings = RULE.findings(template.snapshot(), NOW);

        assertThat(findings).containsExactly(
                new Finding(CriticalReason.QUALITY_RED, redAt, Optional.empty()),
                new Finding(CriticalReason.FLAGGED, flaggedAt, Optional.of("January 31, 2026")));
    }

    @Test
    void a_pause_counts_from_the_pause_and_says_when_meta_should_lift_it() {
        TemplateSnapshot t = with(TemplateStatus.PAUSED, QualityRating.YELLOW);
        Instant pausedAt = STATUS_AT.minusSeconds(30);
        TemplateSnapshot paused = new TemplateSnapshot(t.id(), t.organizationId(), t.wabaId(), t.metaTemplateId(),
                t.name(), t.language(), t.category(), t.status(), t.quality(), false, null, 1,
                Optional.of(new PauseInfo(PauseKind.FIRST, "FIRST_PAUSE", null, pausedAt)), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), t.content(), t.currentVersion(), List.of(),
                t.lastApplied(), t.createdAt(), t.updatedAt(), 0L);

        assertThat(RULE.findings(paused, NOW)).containsExactly(new Finding(CriticalReason.PAUSED, pausedAt,
                Optional.of(pausedAt.plus(Duration.ofHours(3)).toString())));
    }

    @Test
    void the_pending_limit_must_be_positive() {
        assertThatThrownBy(() -> new CriticalRule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TemplateSnapshot with(TemplateStatus status, QualityRating quality) {
        TemplateSnapshot t = TemplateFixtures.aTemplate().withStatus(status).withQuality(quality).build().snapshot();
        Map<ChangeKind, Instant> clocks = new EnumMap<>(ChangeKind.class);
        clocks.put(ChangeKind.STATUS, STATUS_AT);
        return new TemplateSnapshot(t.id(), t.organizationId(), t.wabaId(), t.metaTemplateId(), t.name(), t.language(),
                t.category(), t.status(), t.quality(), false, null, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), t.content(), t.currentVersion(), List.of(), clocks,
                t.createdAt(), t.updatedAt(), 0L);
    }
}
