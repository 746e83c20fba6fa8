package dev.warden.application.port.out;

import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateCategory;
import java.util.Objects;

/**
 * A template as Meta's Graph API lists it, read into Warden's vocabulary.
 *
 * @param name             as Meta wrote it (may break Warden's naming rules; the domain decides)
 * @param category         null when Meta named none
 * @param categoryAsWritten Meta's category word, for history
 * @param rejectedReason   Meta's reason code, null when none
 */
public record MetaTemplateView(MetaTemplateId id, String name, String language, StatusEvent status,
                               TemplateCategory category, String categoryAsWritten, QualityRating quality,
                               String rejectedReason) {

    public MetaTemplateView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quality, "quality");
    }
}
