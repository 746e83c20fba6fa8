package dev.warden.domain.template;

import dev.warden.domain.template.content.TemplateContent;
import java.time.Instant;
import java.util.Objects;

/**
 * A change Meta (or reconciliation) reports about a template, already translated out of Meta's
 * JSON by an adapter. {@code occurredAt} is Meta's event time ({@code entry.time}), used to
 * detect stale deliveries.
 */
public sealed interface ReportedChange {

    ChangeKind kind();

    Instant occurredAt();

    ChangeSource source();

    /**
     * An event of Meta's status field, as Meta named it: a status, a marker, or something new.
     *
     * @param reason          Meta's reason code; "NONE" and null both mean none
     * @param pauseTitle      {@code other_info.title}, such as FIRST_PAUSE
     * @param disableDate     {@code disable_info.disable_date}, kept as received
     * @param rejection       {@code rejection_info}, when Meta sent it
     * @param category        {@code message_template_category}, as received
     */
    record Status(String event, String reason, String pauseTitle, String pauseDescription, String disableDate,
                  Rejection rejection, String category, Instant occurredAt, ChangeSource source)
            implements ReportedChange {

        public Status {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
        }

        public static Status of(String event, Instant occurredAt) {
            return new Status(event, null, null, null, null, null, null, occurredAt, ChangeSource.WEBHOOK);
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.STATUS;
        }

        /** The reason, with Meta's "NONE" read as no reason. */
        public String meaningfulReason() {
            return reason == null || reason.isBlank() || "NONE".equalsIgnoreCase(reason) ? null : reason;
        }
    }

    /** A new quality score ({@code message_template_quality_update}); {@code previous} may be missing. */
    record Quality(QualityRating previous, QualityRating current, Instant occurredAt, ChangeSource source)
            implements ReportedChange {

        public Quality {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.QUALITY;
        }
    }

    /**
     * Meta's notice that it will recategorise the template: {@code upcoming} is Meta's
     * {@code correct_category}; the current category stays until the change lands.
     */
    record CategoryImpending(String upcoming, Instant effectiveAt, Instant occurredAt, ChangeSource source)
            implements ReportedChange {

        public CategoryImpending {
            Objects.requireNonNull(upcoming, "upcoming");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.CATEGORY;
        }
    }

    /** A category change that happened; {@code previous} may be missing. Values as Meta sent them. */
    record CategoryCompleted(String previous, String current, Instant occurredAt, ChangeSource source)
            implements ReportedChange {

        public CategoryCompleted {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.CATEGORY;
        }
    }

    /** The template's components as Meta now has them ({@code message_template_components_update}). */
    record Content(TemplateContent content, Instant occurredAt, ChangeSource source) implements ReportedChange {

        public Content {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.CONTENT;
        }
    }
}
