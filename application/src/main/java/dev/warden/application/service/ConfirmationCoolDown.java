package dev.warden.application.service;

import dev.warden.domain.governance.SendErrorRules.Verdict;
import dev.warden.domain.template.TemplateId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Meta is asked about a template at most once per {@link #WINDOW}, however many of its sends a burst of
 * refusals brings (a campaign's batch refused at once); inside the window, Meta's last answer stands.
 * Kept in memory and bounded: the least recently used templates go first, and another instance asks on
 * its own, so a cluster asks at most once per instance per window.
 */
final class ConfirmationCoolDown {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_TEMPLATES = 10_000;

    /** Ask Meta now, or what it answered inside the window (empty: no answer to go by). */
    sealed interface Decision {
        record Ask() implements Decision {
        }

        record Answered(Optional<Verdict> verdict) implements Decision {
        }
    }

    private record Asked(Instant at, Optional<Verdict> verdict) {
    }

    private final Map<TemplateId, Asked> asked = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TemplateId, Asked> eldest) {
            return size() > MAX_TEMPLATES;
        }
    };

    /** {@link Decision.Ask}, and the window starts, when Meta may be asked about the template now. */
    synchronized Decision claim(TemplateId templateId, Instant now) {
        Asked last = asked.get(templateId);
        if (last != null && now.isBefore(last.at().plus(WINDOW))) {
            return new Decision.Answered(last.verdict());
        }
        asked.put(templateId, new Asked(now, Optional.empty()));
        return new Decision.Ask();
    }

    /** Meta's answer to the question the window was claimed for. */
    synchronized void answered(TemplateId templateId, Verdict verdict) {
        asked.computeIfPresent(templateId, (id, last) -> new Asked(last.at(), Optional.of(verdict)));
    }
}
