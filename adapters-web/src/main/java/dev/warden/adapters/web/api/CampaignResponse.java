package dev.warden.adapters.web.api;

import dev.warden.domain.campaign.CampaignProgress;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign with every hold on it, oldest first. {@code pauseReason}, {@code pausedBy},
 * {@code pausedByUser} and {@code pausedAt} describe the first hold, as before holds were a set:
 * pauseReason is MANUAL, CATEGORY_CHANGED, SEND_ERROR, PORTFOLIO_PACING, AWAITING_RESUME or
 * TEMPLATE_&lt;status&gt;; pausedBy is USER for a person's hold, SYSTEM for Warden's. {@code progress}
 * counts the campaign's sends (docs/adr/0016). {@code fallbackTemplateId} is sent instead while the template is
 * not sendable (docs/adr/0020); null when the campaign names none.
 */
@Serdeable
record CampaignResponse(String id, String organizationId, String name, String templateId,
                        @Nullable String fallbackTemplateId, String status,
                        List<HoldResponse> holds, String pauseReason, String pausedBy, String pausedByUser,
                        Instant pausedAt, Instant createdAt, Instant updatedAt, ProgressResponse progress) {

    /** sent; failed (FAILED or DEAD); held (waiting while not RUNNING); remaining (to go while RUNNING); skipped. */
    @Serdeable
    record ProgressResponse(long sent, long failed, long held, long remaining, long skipped) {

        static ProgressResponse from(CampaignProgress p) {
            return new ProgressResponse(p.sent(), p.failed(), p.held(), p.remaining(), p.skipped());
        }
    }

    static CampaignResponse from(CampaignSnapshot c, CampaignProgress progress) {
        Optional<Hold> first = c.firstHold();
        return new CampaignResponse(c.id().toString(), c.organizationId().toString(), c.name(),
                c.templateId().toString(), c.fallbackTemplateId().map(Object::toString).orElse(null),
                c.status().name(), c.holds().stream().map(HoldResponse::from).toList(),
                first.map(CampaignResponse::legacyReason).orElse(null),
                first.map(h -> h.cause() == HoldCause.MANUAL ? "USER" : "SYSTEM").orElse(null),
                first.flatMap(Hold::by).orElse(null), first.map(Hold::since).orElse(null), c.createdAt(),
                c.updatedAt(), ProgressResponse.from(progress));
    }

    private static String legacyReason(Hold hold) {
        return switch (hold.cause()) {
            case TEMPLATE_STATUS -> "TEMPLATE_" + hold.detail().orElse("UNKNOWN");
            case CATEGORY_CHANGE -> "CATEGORY_CHANGED";
            case SEND_ERROR, PORTFOLIO_PACING, MANUAL, AWAITING_RESUME -> hold.cause().name();
        };
    }
}
