package dev.warden.domain.template;

import java.time.Instant;
import java.util.Objects;

/**
 * Meta's advance notice (about 24 hours) that it will recategorise a template.
 *
 * @param effectiveAt when Meta said it happens; null when the notice did not say
 */
public record PendingCategoryChange(TemplateCategory category, Instant effectiveAt) {

    public PendingCategoryChange {
        Objects.requireNonNull(category, "category");
    }
}
