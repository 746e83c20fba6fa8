package dev.warden.domain.template;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why and when Meta last paused a template. Meta sends a title such as FIRST_PAUSE or SECOND_PAUSE
 * and a description in {@code other_info}; a first pause lasts 3 hours and a second 6.
 */
public record PauseInfo(String title, String description, Instant pausedAt) {

    public PauseInfo {
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    /** When Meta is expected to unpause by itself, if this pause has a known length. */
    public Optional<Instant> expectedUntil(int pauseCount) {
        return switch (pauseCount) {
            case 1 -> Optional.of(pausedAt.plus(Duration.ofHours(3)));
            case 2 -> Optional.of(pausedAt.plus(Duration.ofHours(6)));
            default -> Optional.empty();
        };
    }
}
