package dev.warden.domain.quality;

import dev.warden.domain.template.QualityRating;
import java.util.List;
import java.util.Optional;

/** Where a template's quality is heading over a window of observations. */
public enum QualityTrend {
    IMPROVING, STABLE, DEGRADING;

    /**
     * Compares the first and the last known score in the window (oldest first); UNKNOWN scores
     * say nothing and are skipped. Fewer than two known scores is STABLE.
     */
    public static QualityTrend of(List<QualityObservation> window) {
        Optional<QualityRating> first = window.stream().map(QualityObservation::rating)
                .filter(QualityRating::isKnown).findFirst();
        Optional<QualityRating> last = window.stream().map(QualityObservation::rating)
                .filter(QualityRating::isKnown).reduce((a, b) -> b);
        if (first.isEmpty()) {
            return STABLE;
        }
        if (last.get().isBetterThan(first.get())) {
            return IMPROVING;
        }
        return last.get().isWorseThan(first.get()) ? DEGRADING : STABLE;
    }
}
