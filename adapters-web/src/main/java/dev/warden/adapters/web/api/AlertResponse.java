package dev.warden.adapters.web.api;

import dev.warden.domain.alert.AlertSnapshot;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** An alert; {@code templateId} is set when the alert is about a template. */
@Serdeable
record AlertResponse(String id, String organizationId, String type, String severity, String state, String templateId,
                     Subject subject, String message, Map<String, String> details, int count, Instant createdAt,
                     Instant lastRaisedAt, String acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt) {

    /** What the alert is about. */
    @Serdeable
    record Subject(String kind, String key) {
    }

    static AlertResponse from(AlertSnapshot a) {
        return new AlertResponse(a.id().toString(), a.organizationId().toString(), a.type().name(),
                a.severity().name(), a.state().name(), a.subject().isTemplate() ? a.subject().key() : null,
                new Subject(a.subject().kind(), a.subject().key()), a.message(), a.details(), a.count(),
                a.createdAt(), a.lastRaisedAt(), a.acknowledgedBy().orElse(null), a.acknowledgedAt().orElse(null),
                a.resolvedAt().orElse(null));
    }
}
