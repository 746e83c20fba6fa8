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
     * An event of Meta's status field, read into Warden's vocabulary by the Meta adapter.
     *
     * @param reason           Meta's reason code, null when Meta gave none
     * @param pauseKind        the kind of pause, from {@code other_info.title}
     * @param pauseTitle       {@code other_info.title} as Meta wrote it, for display
     * @param disableDate      {@code disable_info.disable_date}, kept as received
     * @param rejection        {@code rejection_info}, when Meta sent it
     * @param category         {@code message_template_category}, null when absent
     */
    record Status(StatusEvent event, String reason, PauseKind pauseKind, String pauseTitle, String pauseDescription,
                  String disableDate, Rejection rejection, TemplateCategory category, Instant occurredAt,
                  ChangeSource source) implements ReportedChange {

        public Status {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(source, "source");
            pauseKind = Objects.requireNonNullElse(pauseKind, PauseKind.UNSPECIFIED);
        }

        public static Status of(TemplateStatus status, Instant occurredAt) {
            return of(StatusEvent.of(status), occurredAt);
        }

        public static Status of(StatusEvent event, Instant occurredAt) {
            return new Status(event, null, null, null, null, null, null, null, occurredAt, ChangeSource.WEBHOOK);
        }

        @Override
        public ChangeKind kind() {
            return ChangeKind.STATUS;
        }

        /** The same event with the category Meta named alongside it. */
        public Status withCategory(TemplateCategory reported) {
            return new Status(event, reason, pauseKind, pauseTitle, pauseDescription, disableDate, rejection, reported,
                    occurredAt, source);
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
     * {@code correct_category} ({@code asReported} as Meta wrote it); the current category stays
     * until the change lands.
     */
    record CategoryImpending(TemplateCategory upcoming, String asReported, Instant effectiveAt, Instant occurredAt,
                             ChangeSource source) implements ReportedChange {

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

    /**
     * A category change that happened; {@code previousAsReported} may be missing. {@code asReported}
     * and {@code previousAsReported} are Meta's values as written, for history.
     */
    record CategoryCompleted(TemplateCategory current, String asReported, String previousAsReported,
                             Instant occurredAt, ChangeSource source) implements ReportedChange {

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
