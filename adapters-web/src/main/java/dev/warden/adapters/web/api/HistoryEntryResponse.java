package dev.warden.adapters.web.api;

import dev.warden.domain.template.TemplateHistoryEntry;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** One history line: {@code at} is when it happened at its source, {@code recordedAt} when Warden stored it. */
@Serdeable
record HistoryEntryResponse(Instant at, Instant recordedAt, String source, String kind, String event, String previous,
                            String current, String reason, boolean stale, Map<String, String> details) {

    static HistoryEntryResponse from(TemplateHistoryEntry e) {
        return new HistoryEntryResponse(e.occurredAt(), e.recordedAt(), e.source().name(), e.kind().name(), e.event(),
                e.previous(), e.current(), e.reason(), e.stale(), e.details());
    }
}
