package dev.warden.adapters.web.api;

import dev.warden.application.port.in.GetQualitySummaryUseCase;
import dev.warden.domain.health.QualityChange;
import dev.warden.domain.health.QualitySummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of templates by status and by quality (every value, zero included), the latest quality
 * changes, and for one organisation its customer sends of the last 7 days ({@code sends}; null across
 * all organisations rather than zeros that would look like facts).
 */
@Serdeable
record QualitySummaryResponse(long total, Map<String, Long> byStatus, Map<String, Long> byQuality,
                              List<Change> recentQualityChanges, @Nullable Sends sends) {

    /** Sent, failed and what Meta reported of the sent ones, over {@code from} to {@code to} (UTC days). */
    @Serdeable
    record Sends(LocalDate from, LocalDate to, long sent, long failed, long delivered, long read, long undelivered) {

        static Sends from(GetQualitySummaryUseCase.SendTotals t) {
            return new Sends(t.period().from(), t.period().to(), t.sent(), t.failed(), t.delivered(), t.read(),
                    t.undelivered());
        }
    }

    /** An applied quality change. */
    @Serdeable
    record Change(String templateId, String name, String language, String from, String to, Instant at) {

        static Change from(QualityChange c) {
            return new Change(c.templateId().toString(), c.name().value(), c.language().value(), c.from().name(),
                    c.to().name(), c.at());
        }
    }

    static QualitySummaryResponse from(GetQualitySummaryUseCase.Summary summary) {
        QualitySummary s = summary.quality();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        s.byStatus().forEach((status, count) -> byStatus.put(status.name(), count));
        Map<String, Long> byQuality = new LinkedHashMap<>();
        s.byQuality().forEach((quality, count) -> byQuality.put(quality.name(), count));
        return new QualitySummaryResponse(s.total(), byStatus, byQuality,
                s.recentChanges().stream().map(Change::from).toList(), summary.sends().map(Sends::from).orElse(null));
    }
}
