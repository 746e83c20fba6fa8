package dev.warden.domain.health;

import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import java.time.Instant;
import java.util.Objects;

/** A quality change Meta reported and Warden applied (stale reports are left out). */
public record QualityChange(TemplateId templateId, TemplateName name, LanguageCode language, QualityRating from,
                            QualityRating to, Instant at) {

    public QualityChange {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }

    /** A rating as the history wrote it; anything else (there is nothing else today) reads as UNKNOWN. */
    public static QualityRating rating(String written) {
        return java.util.Arrays.stream(QualityRating.values()).filter(r -> r.name().equals(written)).findFirst()
                .orElse(QualityRating.UNKNOWN);
    }
}
