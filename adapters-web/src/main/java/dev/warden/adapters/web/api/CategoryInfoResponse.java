package dev.warden.adapters.web.api;

import dev.warden.domain.template.CategoryInfo;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where a template stands on category: {@code category} now, {@code metaReported} (Meta's last word
 * on it, as Meta wrote it), a {@code pendingChange} Meta announced, the {@code allowCategoryChange}
 * policy, whether a change is {@code awaitingConsent}, and the {@code lastChange}.
 */
@Serdeable
record CategoryInfoResponse(String templateId, String category, MetaReported metaReported,
                            TemplateResponse.PendingCategory pendingChange, boolean allowCategoryChange,
                            boolean awaitingConsent, CategoryChangeResponse lastChange) {

    /** A category as Meta wrote it, when, and how it arrived (WEBHOOK or RECONCILE). */
    @Serdeable
    record MetaReported(String category, Instant at, String source) {
    }

    static CategoryInfoResponse from(CategoryInfo info) {
        return new CategoryInfoResponse(info.templateId().toString(), info.category().name(),
                info.metaReported().map(m -> new MetaReported(m.category(), m.at(), m.source().name())).orElse(null),
                info.pendingChange().map(p -> new TemplateResponse.PendingCategory(p.category().name(),
                        p.effectiveAt())).orElse(null),
                info.allowCategoryChange(), info.awaitingConsent(),
                info.lastChange().map(CategoryChangeResponse::from).orElse(null));
    }
}
