package dev.warden.domain.template;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why and when Meta last paused a template: the kind of pause, and Meta's title and description
 * from {@code other_info} as Meta wrote them. A first quality pause lasts 3 hours and a second 6.
 */
public record PauseInfo(PauseKind kind, String title, String description, Instant pausedAt) {

    public PauseInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pausedAt, "pausedAt");
    }

    /** When Meta is expected to unpause by itself, if this pause has a known length. */
    public Optional<Instant> expectedUntil(int pauseCount) {
        if (kind == PauseKind.RATE_LIMITING) {
            return Optional.empty();
        }
        return switch (pauseCount) {
            case 1 -> Optional.of(pausedAt.plus(Duration.ofHours(3)));
            case 2 -> Optional.of(pausedAt.plus(Duration.ofHours(6)));
            default -> Optional.empty();
        };
    }
}
