package dev.warden.adapters.web.api;

import dev.warden.application.port.in.GetWebhookHealthUseCase.WebhookHealth;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.health.WebhookField;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Whether Meta's template webhooks reach Warden for a WABA, and its templates against Meta's limit. */
@Serdeable
record WebhookHealthResponse(String wabaId, Instant lastWebhookReceivedAt, LastReconcile lastReconcile,
                             List<MissedField> missed, boolean alertOpen, Templates templates) {

    /** The WABA's latest reconciliation job. */
    @Serdeable
    record LastReconcile(String jobId, String status, Instant startedAt, Instant finishedAt, int changesApplied) {
    }

    /** Changes reconciliation found that no webhook of this field had reported, all told. */
    @Serdeable
    record MissedField(String field, String metaField, long count, Instant lastMissedAt) {
    }

    /** The WABA's templates against Meta's limit, as its latest reconciliation read them. */
    @Serdeable
    record Templates(long count, long limit, Instant countedAt, boolean near) {
    }

    static WebhookHealthResponse from(WebhookHealth health) {
        LastReconcile last = health.lastReconcile().map(job -> new LastReconcile(job.id().toString(),
                job.status().name(), job.startedAt(), job.finishedAt().orElse(null), job.changesApplied()))
                .orElse(null);
        List<MissedField> missed = Arrays.stream(WebhookField.values()).map(field -> {
            WebhookGaps.Count count = health.missed().get(field);
            return new MissedField(field.name(), field.metaField(), count == null ? 0 : count.missed(),
                    count == null ? null : count.lastMissedAt());
        }).toList();
        return new WebhookHealthResponse(health.wabaId().value(), health.lastWebhookReceived().orElse(null), last,
                missed, health.alertOpen(), health.templates().map(t -> new Templates(t.counted().limit().count(),
                        t.counted().limit().limit(), t.counted().at(), t.near())).orElse(null));
    }
}
