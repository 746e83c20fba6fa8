package dev.warden.domain.template;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a person asks Meta to do with a template Meta knows, besides editing it: delete it, lift a
 * pause during pacing, or unarchive it (ADR 0012). Each is allowed in some statuses only, as at Meta,
 * and Meta's acceptance means a status change that Warden applies the way Meta's own report of it
 * would be applied, so holds, alerts and history follow from it as from a webhook.
 */
public enum MetaRequest {

    /** Delete this one template (its id and name: one language). Meta does not delete DISABLED ones. */
    DELETE,
    /** Lift a pause Meta made during pacing ({@code RATE_LIMITING_PAUSE}), which Meta never lifts itself. */
    UNPAUSE,
    /** Restore an archived template to the status it had before Meta archived it. */
    UNARCHIVE;

    /** @throws MetaRequestRefused when Meta would refuse the request in the template's state */
    public void requireAllowedFor(TemplateSnapshot template) {
        refusal(template).ifPresent(reason -> {
            throw new MetaRequestRefused(template.id(), this, reason);
        });
    }

    private Optional<String> refusal(TemplateSnapshot template) {
        TemplateStatus status = template.status();
        if (template.metaTemplateId().isEmpty()) {
            return Optional.of("Meta does not know it yet (status " + status + ")");
        }
        return switch (this) {
            case DELETE -> switch (status) {
                case DISABLED -> Optional.of("Meta does not delete DISABLED templates");
                case DELETED, PENDING_DELETION -> Optional.of("Meta is deleting it already (status " + status + ")");
                default -> Optional.empty();
            };
            case UNPAUSE -> {
                if (status != TemplateStatus.PAUSED) {
                    yield Optional.of("it is " + status + ", not PAUSED");
                }
                yield template.pause().filter(pause -> pause.kind() == PauseKind.FIRST
                                || pause.kind() == PauseKind.SECOND)
                        .map(pause -> "Meta paused it for its quality and lifts that pause itself"
                                + pause.expectedUntil(template.pauseCount()).map(at -> " (expected " + at + ")")
                                .orElse("") + "; only a pause during pacing (RATE_LIMITING_PAUSE) is lifted on request");
            }
            case UNARCHIVE -> status == TemplateStatus.ARCHIVED ? Optional.empty()
                    : Optional.of("it is " + status + ", not ARCHIVED");
        };
    }

    /** The history line saying who asked Meta, written when Meta accepted. */
    public TemplateHistoryEntry requested(TemplateSnapshot template, String author, Instant now) {
        return new TemplateHistoryEntry(template.organizationId(), template.id(), HistoryKind.STATUS,
                ChangeSource.USER, name() + "_REQUESTED", template.status().name(), null, null, false, now, now,
                Map.of("author", author));
    }

    /** What Meta's acceptance means for the template, to be applied as a change Meta reported. */
    public ReportedChange.Status granted(Instant at) {
        StatusEvent event = switch (this) {
            case DELETE -> StatusEvent.of(TemplateStatus.DELETED);
            case UNPAUSE -> StatusEvent.of(TemplateStatus.APPROVED);
            case UNARCHIVE -> StatusEvent.of(StatusMarker.UNARCHIVED);
        };
        return new ReportedChange.Status(event, null, null, null, null, null, null, null, at, ChangeSource.USER);
    }
}
