package dev.warden.domain.governance;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.TemplateId;
import java.util.List;

/** What governing one reported change did: the template it concerned, how it ended, everything it caused. */
public record GovernanceResult(TemplateId templateId, ChangeOutcome.Result result, boolean templateDiscovered,
                               List<DomainEvent> events) {

    public GovernanceResult {
        events = List.copyOf(events);
    }
}
