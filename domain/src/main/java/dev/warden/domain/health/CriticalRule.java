package dev.warden.domain.health;

import dev.warden.domain.template.Archiving;
import dev.warden.domain.template.ChangeKind;
import dev.warden.domain.template.PauseInfo;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which templates are critical and why (SPEC 5, health views), with how long a template may wait in
 * Meta's review before that counts.
 *
 * <p>"Since" comes from the template's clocks: the event time of the last change of that kind
 * applied (a status, the flag marker, quality, category), or when Warden first saw the template if
 * no change of that kind was applied yet. A pause is dated by the pause itself.
 */
public record CriticalRule(Duration pendingAfter) {

    public static final Duration DEFAULT_PENDING_AFTER = Duration.ofHours(48);

    /**
     * Most urgent reason first, then name, language and id, each compared as plain characters (the
     * id's text orders as PostgreSQL orders uuids): the order of the critical list.
     */
    public static final Comparator<CriticalTemplate> ORDER = Comparator
            .comparing((CriticalTemplate c) -> c.primary().reason())
            .thenComparing(c -> c.template().name().value())
            .thenComparing(c -> c.template().language().value())
            .thenComparing(c -> c.template().id().value().toString());

    public CriticalRule {
        Objects.requireNonNull(pendingAfter, "pendingAfter");
        if (pendingAfter.isNegative() || pendingAfter.isZero()) {
            throw new IllegalArgumentException("pendingAfter must be positive, was " + pendingAfter);
        }
    }

    /** A template PENDING since before this instant has waited too long. */
    public Instant pendingCutoff(Instant now) {
        return now.minus(pendingAfter);
    }

    /** Every reason that applies, most urgent first; empty when the template is fine. */
    public List<Finding> findings(TemplateSnapshot t, Instant now) {
        Instant cutoff = pendingCutoff(now);
        return Arrays.stream(CriticalReason.values()).filter(r -> r.appliesTo(t, cutoff))
                .map(r -> new Finding(r, since(r, t), deadline(r, t))).toList();
    }

    /** When the template's current status began, as far as its status clock tells. */
    public static Instant statusSince(TemplateSnapshot t) {
        return clock(t, ChangeKind.STATUS);
    }

    private static Instant since(CriticalReason reason, TemplateSnapshot t) {
        return switch (reason) {
            case PAUSED -> t.pause().map(PauseInfo::pausedAt).orElseGet(() -> statusSince(t));
            case QUALITY_RED -> clock(t, ChangeKind.QUALITY);
            case FLAGGED -> clock(t, ChangeKind.MARKER);
            case CATEGORY_CONSENT_PENDING -> clock(t, ChangeKind.CATEGORY);
            default -> statusSince(t);
        };
    }

    private static Optional<String> deadline(CriticalReason reason, TemplateSnapshot t) {
        return switch (reason) {
            case ARCHIVED -> Optional.of(Archiving.deletionDeadline(statusSince(t)).toString());
            case FLAGGED -> Optional.ofNullable(t.flagDisableDate());
            case PAUSED -> t.pause().flatMap(p -> p.expectedUntil(t.pauseCount())).map(Instant::toString);
            default -> Optional.empty();
        };
    }

    private static Instant clock(TemplateSnapshot t, ChangeKind kind) {
        return Optional.ofNullable(t.lastApplied().get(kind)).orElse(t.createdAt());
    }
}
