package dev.warden.application.service;

import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.domain.health.WebhookField;
import dev.warden.domain.template.ChangeSource;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Meta's record of a template says that Warden's does not: the changes a webhook would have
 * reported, had it arrived, with source RECONCILE and the time Meta was asked. Only differences
 * become changes, so an unchanged template is neither written nor given history.
 */
final class CatalogDiff {

    private CatalogDiff() {
    }

    static List<ReportedChange> changes(Optional<TemplateSnapshot> local, MetaTemplateView meta, Instant seenAt) {
        List<ReportedChange> changes = new ArrayList<>();
        if (local.isEmpty()) {
            // Import: the status change creates the template (named, in its category) as a webhook would.
            changes.add(status(meta.status(), meta, seenAt).withCategory(meta.category()));
            if (meta.quality() != QualityRating.UNKNOWN) {
                changes.add(new ReportedChange.Quality(null, meta.quality(), seenAt, ChangeSource.RECONCILE));
            }
            return changes;
        }
        TemplateSnapshot known = local.get();
        // A value Warden does not know (or a marker) cannot be compared with a status: left to webhooks.
        if (meta.status() instanceof StatusEvent.Moved moved && moved.status() != known.status()) {
            changes.add(status(meta.status(), meta, seenAt));
        }
        if (meta.category() != null && meta.category() != TemplateCategory.UNKNOWN
                && meta.category() != known.category()) {
            changes.add(new ReportedChange.CategoryCompleted(meta.category(), meta.categoryAsWritten(),
                    known.category().name(), seenAt, ChangeSource.RECONCILE));
        }
        if (meta.quality() != QualityRating.UNKNOWN && meta.quality() != known.quality()) {
            changes.add(new ReportedChange.Quality(known.quality(), meta.quality(), seenAt, ChangeSource.RECONCILE));
        }
        return changes;
    }

    /** The webhook field that reports such a change, had it arrived. */
    static Optional<WebhookField> field(ReportedChange change) {
        if (change instanceof ReportedChange.Status) {
            return Optional.of(WebhookField.STATUS);
        }
        if (change instanceof ReportedChange.Quality quality) {
            // A rating Warden never had becoming known is not counted: a template Warden has never
            // seen rated would otherwise raise the alarm on its first reconciliation.
            return quality.previous() == null || quality.previous() == QualityRating.UNKNOWN ? Optional.empty()
                    : Optional.of(WebhookField.QUALITY);
        }
        return change instanceof ReportedChange.CategoryCompleted ? Optional.of(WebhookField.CATEGORY)
                : Optional.empty();
    }

    /** Meta no longer lists a template Warden had synced: it was deleted there. */
    static ReportedChange.Status deleted(Instant seenAt) {
        return new ReportedChange.Status(StatusEvent.of(TemplateStatus.DELETED), null, null, null, null, null, null,
                null, seenAt, ChangeSource.RECONCILE);
    }

    private static ReportedChange.Status status(StatusEvent event, MetaTemplateView meta, Instant seenAt) {
        return new ReportedChange.Status(event, meta.rejectedReason(), null, null, null, null, null, null, seenAt,
                ChangeSource.RECONCILE);
    }
}
