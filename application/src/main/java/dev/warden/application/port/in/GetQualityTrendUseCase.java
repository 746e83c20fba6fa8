package dev.warden.application.port.in;

import dev.warden.domain.quality.QualityObservation;
import dev.warden.domain.quality.QualityTrend;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Query: a template's quality observations over the last days and where its quality is heading. */
public interface GetQualityTrendUseCase {

    int MAX_DAYS = 365;
    int DEFAULT_DAYS = 30;

    /** @param days the window, 1 to {@link #MAX_DAYS} days back from now */
    Report getTrend(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId, int days);

    /** The window {@code [from, to]}, its observations oldest first, and the verdict over them. */
    record Report(TemplateSnapshot template, Instant from, Instant to, List<QualityObservation> points,
                  QualityTrend trend) {

        public Report {
            points = List.copyOf(points);
        }
    }
}
