package dev.warden.adapters.web.api;

import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.Rejection;
import dev.warden.domain.template.TemplateSnapshot;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A template as the API shows it; {@code metaTemplateId} is a string because Meta's ids exceed 2^53. */
@Serdeable
record TemplateResponse(String id, String organizationId, String wabaId, String metaTemplateId, String name,
                        String language, String category, String status, String quality, boolean sendable,
                        boolean flagged, String flagDisableDate, int pauseCount, Pause pause, String rejectionReason,
                        String rejectionRecommendation, PendingCategory pendingCategory, boolean allowCategoryChange,
                        int currentVersion, Instant lastEventAt, Instant createdAt, Instant updatedAt) {

    /** The last pause Meta reported, and when Meta should lift it. */
    @Serdeable
    record Pause(String title, String description, Instant pausedAt, Instant expectedUntil) {
    }

    /** Meta's notice of an upcoming recategorisation. */
    @Serdeable
    record PendingCategory(String category, Instant effectiveAt) {
    }

    static TemplateResponse from(TemplateSnapshot t) {
        return new TemplateResponse(t.id().toString(), t.organizationId().toString(), t.wabaId().value(),
                t.metaTemplateId().map(MetaTemplateId::value).orElse(null), t.name().value(), t.language().value(),
                t.category().name(), t.status().name(), t.quality().name(), t.sendable(), t.flagged(),
                t.flagDisableDate(), t.pauseCount(),
                t.pause().map(p -> new Pause(p.title(), p.description(), p.pausedAt(),
                        p.expectedUntil(t.pauseCount()).orElse(null))).orElse(null),
                t.rejection().map(Rejection::reason).orElse(null),
                t.rejection().map(Rejection::recommendation).orElse(null),
                t.pendingCategory().map(p -> new PendingCategory(p.category().name(), p.effectiveAt())).orElse(null),
                t.allowCategoryChange(), t.currentVersion(), t.lastEventAt().orElse(null), t.createdAt(),
                t.updatedAt());
    }
}
