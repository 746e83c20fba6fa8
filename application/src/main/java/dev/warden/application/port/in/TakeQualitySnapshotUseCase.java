package dev.warden.application.port.in;

import java.util.OptionalInt;

/** Command: record every template's current quality as a point of its trend, once per snapshot period. */
public interface TakeQualitySnapshotUseCase {

    /** @return the templates recorded, or empty when this period's snapshot was taken already */
    OptionalInt takeDue();
}
