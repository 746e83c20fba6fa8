package dev.warden.adapters.web.api;

import dev.warden.domain.health.QualityChange;
import dev.warden.domain.health.QualitySummary;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of templates by status and by quality (every value, zero included) and the latest quality
 * changes. Send and failure totals join this once Warden sends messages; until then they are left out
 * rather than shown as zeros that would look like facts.
 */
@Serdeable
record QualitySummaryResponse(long total, Map<String, Long> byStatus, Map<String, Long> byQuality,
                              List<Change> recentQualityChanges) {

    /** An applied quality change. */
    @Serdeable
    record Change(String templateId, String name, String language, String from, String to, Instant at) {

        static Change from(QualityChange c) {
            return new Change(c.templateId().toString(), c.name().value(), c.language().value(), c.from().name(),
                    c.to().name(), c.at());
        }
    }

    static QualitySummaryResponse from(QualitySummary s) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        s.byStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        Map<String, Long> byQuality = new LinkedHashMap<>();
        s.byQuality().forEach((quality, count) -> byQuality.put(quality.name(), count));
        return new QualitySummaryResponse(s.total(), byStatus, byQuality,
                s.recentChanges().stream().map(Change::from).toList());
    }
}
