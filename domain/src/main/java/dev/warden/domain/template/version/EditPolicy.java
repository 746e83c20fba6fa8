package dev.warden.domain.template.version;

import dev.warden.domain.template.TemplateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides whether a template may be edited now, given the edits already made while it was approved. */
@FunctionalInterface
public interface EditPolicy {

    /** Why an edit is refused, or empty when it is allowed. */
    Optional<String> refusal(TemplateStatus status, List<Instant> approvedEdits, Instant now);

    /** Meta: approved templates allow 1 edit per 24 h and 10 per 30 days; rejected and paused ones any number. */
    EditPolicy META_LIMITS = (status, approvedEdits, now) -> {
        if (status != TemplateStatus.APPROVED) {
            return Optional.empty();
        }
        long lastDay = approvedEdits.stream().filter(at -> at.isAfter(now.minus(Duration.ofHours(24)))).count();
        if (lastDay >= 1) {
            return Optional.of("Meta allows 1 edit per 24 hours of an approved template");
        }
        long lastMonth = approvedEdits.stream().filter(at -> at.isAfter(now.minus(Duration.ofDays(30)))).count();
        if (lastMonth >= 10) {
            return Optional.of("Meta allows 10 edits per 30 days of an approved template");
        }
        return Optional.empty();
    };
}
