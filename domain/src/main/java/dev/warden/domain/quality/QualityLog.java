package dev.warden.domain.quality;

/** Where a governor appends quality observations; the read side is {@link QualityHistory}. */
@FunctionalInterface
public interface QualityLog {

    void append(QualityObservation observation);
}
