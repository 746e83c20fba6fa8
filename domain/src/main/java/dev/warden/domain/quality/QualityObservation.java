package dev.warden.domain.quality;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Objects;

/** A quality score seen at a time: from a webhook, a reconciliation or a periodic snapshot. */
public record QualityObservation(OrganizationId organizationId, TemplateId templateId, QualityRating rating,
                                 Instant observedAt, ChangeSource source) {

    public QualityObservation {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
    }
}
