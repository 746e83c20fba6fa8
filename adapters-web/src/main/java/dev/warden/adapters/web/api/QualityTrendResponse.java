package dev.warden.adapters.web.api;

import dev.warden.application.port.in.GetQualityTrendUseCase;
import dev.warden.domain.quality.QualityObservation;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A template's quality observations in {@code [from, to]}, oldest first, and the trend verdict over them. */
@Serdeable
record QualityTrendResponse(String templateId, String name, String language, String quality, int days, Instant from,
                            Instant to, String trend, List<Point> points) {

    /** A quality score seen at a time, and where Warden saw it (webhook, reconcile, snapshot). */
    @Serdeable
    record Point(Instant at, String rating, String source) {

        static Point from(QualityObservation o) {
            return new Point(o.observedAt(), o.rating().name(), o.source().name());
        }
    }

    static QualityTrendResponse from(GetQualityTrendUseCase.Report r, int days) {
        return new QualityTrendResponse(r.template().id().toString(), r.template().name().value(),
                r.template().language().value(), r.template().quality().name(), days, r.from(), r.to(),
                r.trend().name(), r.points().stream().map(Point::from).toList());
    }
}
