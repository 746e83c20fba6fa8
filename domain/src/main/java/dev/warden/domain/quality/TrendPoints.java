package dev.warden.domain.quality;

import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import java.util.ArrayList;
import java.util.List;

/** The points of a quality trend as a person should read them. */
public final class TrendPoints {

    private TrendPoints() {
    }

    /**
     * Drops each snapshot point that disagrees with the change point before it. A snapshot records
     * the score the template had when it was taken, which is the score of the latest change dated
     * before it; a change dated earlier that disagrees was applied after the snapshot (it waited in
     * the inbox), so the snapshot is out of date, not a recovery or a drop.
     *
     * @param oldestFirst the observations of one template, oldest first
     */
    public static List<QualityObservation> current(List<QualityObservation> oldestFirst) {
        List<QualityObservation> kept = new ArrayList<>(oldestFirst.size());
        QualityRating changedTo = null;
        for (QualityObservation point : oldestFirst) {
            if (point.source() != ChangeSource.SNAPSHOT) {
                changedTo = point.rating();
                kept.add(point);
            } else if (changedTo == null || changedTo == point.rating()) {
                kept.add(point);
            }
        }
        return kept;
    }
}
