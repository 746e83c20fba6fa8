package dev.warden.domain.health;

import dev.warden.domain.alert.AlertSeverity;
import java.util.Optional;

/**
 * How many templates a WABA has against how many Meta allows it ({@code message_template_limit}).
 * At the limit Meta refuses new templates (LIMIT_EXCEEDED), so Warden warns before.
 */
public record TemplateLimit(long count, long limit) {

    /**
     * How serious the WABA's use of its limit is: CRITICAL at the limit (no template can be
     * created), HIGH from {@code warnPercent} of it, nothing below or when Meta gave no limit.
     */
    public Optional<AlertSeverity> severity(int warnPercent) {
        if (limit <= 0) {
            return Optional.empty();
        }
        if (count >= limit) {
            return Optional.of(AlertSeverity.CRITICAL);
        }
        return count * 100 >= limit * warnPercent ? Optional.of(AlertSeverity.HIGH) : Optional.empty();
    }

    public long percent() {
        return limit <= 0 ? 0 : count * 100 / limit;
    }
}
