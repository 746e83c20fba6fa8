package dev.warden.application.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * A batch of inbox changes processed.
 *
 * @param full           whether it held as many changes as a batch may: more were likely due
 * @param oldestReceived when its oldest change was received (how far processing is behind)
 */
public record ProcessedBatch(boolean full, Instant oldestReceived) {

    public ProcessedBatch {
        Objects.requireNonNull(oldestReceived, "oldestReceived");
    }
}
