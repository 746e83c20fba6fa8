package dev.warden.domain.template;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a template's history: an applied, stale or unrecognised change.
 *
 * @param event      the event as named at its source (Meta's event value, "QUALITY", "EDIT", ...)
 * @param stale      older than the last applied change of its kind: recorded, but it changed nothing
 * @param occurredAt when it happened at its source; {@code recordedAt} when Warden stored it
 * @param details    anything else worth showing (pause title, disable date, recommendation)
 */
public record TemplateHistoryEntry(OrganizationId organizationId, TemplateId templateId, HistoryKind kind,
                                   ChangeSource source, String event, String previous, String current,
                                   String reason, boolean stale, Instant occurredAt, Instant recordedAt,
                                   Map<String, String> details) {

    public TemplateHistoryEntry {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        details = Map.copyOf(Objects.requireNonNullElse(details, Map.of()));
    }

    /** Collects a history line while a change is applied; package-private to the template model. */
    static final class Builder {

        private final OrganizationId organizationId;
        private final TemplateId templateId;
        private HistoryKind kind;
        private final ChangeSource source;
        private final Instant occurredAt;
        private final Instant recordedAt;
        private String event;
        private String reason;
        private final Map<String, String> details = new java.util.LinkedHashMap<>();

        Builder(OrganizationId organizationId, TemplateId templateId, HistoryKind kind, ChangeSource source,
                Instant occurredAt, Instant recordedAt) {
            this.organizationId = organizationId;
            this.templateId = templateId;
            this.kind = kind;
            this.source = source;
            this.occurredAt = occurredAt;
            this.recordedAt = recordedAt;
            this.event = kind.name();
        }

        Builder event(String value) {
            this.event = value;
            return this;
        }

        Builder reason(String value) {
            this.reason = value;
            return this;
        }

        Builder detail(String key, Object value) {
            if (value != null) {
                details.put(key, value.toString());
            }
            return this;
        }

        Builder unrecognised() {
            this.kind = HistoryKind.UNRECOGNISED;
            return this;
        }

        TemplateHistoryEntry applied(Object previous, Object current) {
            return build(previous, current, false);
        }

        TemplateHistoryEntry stale(Object previous, Object current) {
            return build(previous, current, true);
        }

        private TemplateHistoryEntry build(Object previous, Object current, boolean stale) {
            return new TemplateHistoryEntry(organizationId, templateId, kind, source, event,
                    previous == null ? null : previous.toString(), current == null ? null : current.toString(),
                    reason, stale, occurredAt, recordedAt, details);
        }
    }
}
