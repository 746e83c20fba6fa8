package dev.warden.adapters.web.api;

import dev.warden.domain.template.TemplateHistoryEntry;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a template's category history: Meta's notice or change, a category Meta named with a
 * status, a change of the template's allow flag, or a person's consent. {@code details.author} names
 * the person for the last two.
 */
@Serdeable
record CategoryChangeResponse(String templateId, Instant at, Instant recordedAt, String source, String event,
                              String previous, String current, String reason, boolean stale,
                              Map<String, String> details) {

    static CategoryChangeResponse from(TemplateHistoryEntry e) {
        return new CategoryChangeResponse(e.templateId().toString(), e.occurredAt(), e.recordedAt(), e.source().name(),
                e.event(), e.previous(), e.current(), e.reason(), e.stale(), e.details());
    }
}
