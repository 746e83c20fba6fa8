package dev.warden.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot taken while a change waited in the inbox does not make a RED template look recovered. */
class TrendPointsTest {

    private static final OrganizationId ORG = OrganizationId.random();
    private static final TemplateId TEMPLATE = TemplateId.random();

    private static QualityObservation at(int minute, QualityRating rating, ChangeSource source) {
        Instant observedAt = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(60L * minute);
        return new QualityObservation(ORG, TEMPLATE, rating, observedAt, source);
    }

    @Test
    void a_snapshot_older_than_the_change_applied_after_it_is_dropped() {
        List<QualityObservation> points = List.of(
                at(0, QualityRating.GREEN, ChangeSource.WEBHOOK),
                at(10, QualityRating.RED, ChangeSource.WEBHOOK),      // applied after the snapshot below was taken
                at(20, QualityRating.GREEN, ChangeSource.SNAPSHOT));  // still saw GREEN

        assertThat(TrendPoints.current(points)).extracting(QualityObservation::rating)
                .containsExactly(QualityRating.GREEN, QualityRating.RED);
        assertThat(QualityTrend.of(TrendPoints.current(points))).isEqualTo(QualityTrend.of(points.subList(0, 2)));
    }

    @Test
    void snapshots_that_agree_with_the_change_before_them_and_those_with_none_before_them_stay() {
        List<QualityObservation> points = List.of(
                at(0, QualityRating.YELLOW, ChangeSource.SNAPSHOT),
                at(5, QualityRating.RED, ChangeSource.RECONCILE),
                at(6, QualityRating.RED, ChangeSource.SNAPSHOT),
                at(7, QualityRating.GREEN, ChangeSource.WEBHOOK),
                at(8, QualityRating.GREEN, ChangeSource.SNAPSHOT));

        assertThat(TrendPoints.current(points)).isEqualTo(points);
    }
}
