package dev.warden.domain.quality;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityTrendTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "GREEN YELLOW RED, DEGRADING",
        "RED YELLOW, IMPROVING",
        "GREEN RED GREEN, STABLE",
        "UNKNOWN GREEN, STABLE",
        "UNKNOWN, STABLE",
        "YELLOW UNKNOWN GREEN, IMPROVING",
    })
    void compares_the_first_and_last_known_score(String ratings, QualityTrend expected) {
        OrganizationId org = OrganizationId.random();
        TemplateId template = TemplateId.random();
        List<QualityObservation> window = new ArrayList<>();
        String[] values = ratings.split(" ");
        for (int i = 0; i < values.length; i++) {
            window.add(new QualityObservation(org, template, QualityRating.valueOf(values[i]), T0.plusSeconds(i),
                    ChangeSource.WEBHOOK));
        }

        assertThat(QualityTrend.of(window)).isEqualTo(expected);
    }
}
