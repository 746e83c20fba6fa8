package dev.warden.domain.template;

/** Meta's quality score of a template. New templates start UNKNOWN (Meta's "pending"). */
public enum QualityRating {
    GREEN(3),
    YELLOW(2),
    RED(1),
    UNKNOWN(0);

    private final int rank;

    QualityRating(int rank) {
        this.rank = rank;
    }

    /** Whether this is a known score lower than {@code other}; UNKNOWN compares with nothing. */
    public boolean isWorseThan(QualityRating other) {
        return this != UNKNOWN && other != UNKNOWN && rank < other.rank;
    }

    public boolean isBetterThan(QualityRating other) {
        return this != UNKNOWN && other != UNKNOWN && rank > other.rank;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
