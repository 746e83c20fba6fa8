package dev.warden.domain.governance;

import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignHolds;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.template.Archiving;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateEvent;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The side effects of template events on campaigns and alerts (SPEC 3.3 to 3.5). */
final class LifecycleReactions {

    /** A template approved again is sendable again: sends no longer need its fallback either. */
    private static final List<AlertType> CLEARED_BY_APPROVAL = List.of(AlertType.TEMPLATE_PAUSED,
            AlertType.TEMPLATE_DISABLED, AlertType.TEMPLATE_REJECTED, AlertType.TEMPLATE_ARCHIVED,
            AlertType.FALLBACK_TEMPLATE_USED);

    private final CampaignHolds campaigns;
    private final Alerting alerting;
    private final HoldRules holdRules;

    LifecycleReactions(CampaignHolds campaigns, Alerting alerting, HoldRules holdRules) {
        this.campaigns = campaigns;
        this.alerting = alerting;
        this.holdRules = holdRules;
    }

    /**
     * The side effects of one event.
     *
     * @param discovered the template was created by this very change: no campaign or alert can refer
     *                   to it yet, so there is nothing to hold, release or resolve
     */
    List<DomainEvent> react(TemplateSnapshot template, TemplateEvent event, BooleanSupplier autoResume,
                            boolean discovered, Instant now) {
        List<DomainEvent> caused = new ArrayList<>();
        if (!discovered) {
            caused.addAll(followHoldRules(template, event, autoResume, now));
        }
        if (event instanceof TemplateEvent.StatusChanged changed) {
            onStatusChanged(template, changed, discovered, now, caused);
        } else if (event instanceof TemplateEvent.Flagged flagged) {
            caused.add(raise(template, AlertType.TEMPLATE_FLAGGED, AlertSeverity.HIGH,
                    "template " + describe(template) + " is flagged by Meta and may be disabled on "
                            + (flagged.disableDate() == null ? "a date Meta did not give" : flagged.disableDate()),
                    Map.of("disableDate", String.valueOf(flagged.disableDate())), now));
        } else if (event instanceof TemplateEvent.FlagCleared) {
            resolve(template, AlertType.TEMPLATE_FLAGGED, now, caused);
        } else if (event instanceof TemplateEvent.QualityChanged quality) {
            onQualityChanged(template, quality, now, caused);
        } else if (event instanceof TemplateEvent.CategoryChangeAnnounced announced && !announced.allowed()) {
            caused.add(raise(template, AlertType.CATEGORY_CHANGE_PENDING, AlertSeverity.HIGH,
                    "Meta will recategorise template " + describe(template) + " from " + announced.current()
                            + " to " + announced.upcoming()
                            + (announced.effectiveAt() == null ? "" : " at " + announced.effectiveAt()),
                    Map.of("upcoming", announced.upcoming().name()), now));
        } else if (event instanceof TemplateEvent.CategoryChanged changed) {
            onCategoryChanged(template, changed, now, caused);
        } else if (event instanceof TemplateEvent.UnrecognisedEventReceived unknown) {
            caused.add(raise(template, AlertType.UNRECOGNISED_EVENT, AlertSeverity.INFO,
                    "Meta sent event '" + unknown.event() + "' for template " + describe(template)
                            + ", which Warden does not know; it is kept in the history",
                    Map.of("event", unknown.event()), now));
        }
        return caused;
    }

    /** Places or lifts the campaign holds {@link HoldRules} names for the event, on every campaign of the template. */
    List<DomainEvent> followHoldRules(TemplateSnapshot template, TemplateEvent event, BooleanSupplier autoResume,
                                      Instant now) {
        List<DomainEvent> caused = new ArrayList<>();
        for (HoldRules.HoldChange change : holdRules.forEvent(event)) {
            boolean sending = change.reach() == HoldRules.Reach.SENDING;
            if (change instanceof HoldRules.HoldChange.Place place) {
                Hold hold = Hold.bySystem(place.cause(), place.detail(), now);
                caused.addAll(sending ? campaigns.placeTemplateHold(template.organizationId(), template.id(), hold,
                        Map.of(template.id(), template.status()))
                        : campaigns.placeHold(template.organizationId(), template.id(), hold));
            } else if (sending) {
                caused.addAll(campaigns.liftTemplateHold(template.organizationId(), template.id(), change.cause(),
                        autoResume.getAsBoolean(), now));
            } else {
                caused.addAll(campaigns.liftHold(template.organizationId(), template.id(), change.cause(),
                        autoResume.getAsBoolean(), now));
            }
        }
        return caused;
    }

    private void onStatusChanged(TemplateSnapshot template, TemplateEvent.StatusChanged changed, boolean discovered,
                                 Instant now, List<DomainEvent> caused) {
        if (changed.from() == TemplateStatus.ARCHIVED && !discovered) {
            resolve(template, AlertType.TEMPLATE_ARCHIVED, now, caused);
        }
        switch (changed.to()) {
            case PAUSED -> caused.add(raise(template, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH,
                    pausedMessage(template), pauseDetails(template), now));
            case DISABLED -> caused.add(raise(template, AlertType.TEMPLATE_DISABLED, AlertSeverity.CRITICAL,
                    "Meta disabled template " + describe(template), reasonDetails(changed), now));
            case REJECTED -> caused.add(raise(template, AlertType.TEMPLATE_REJECTED, AlertSeverity.HIGH,
                    "Meta rejected template " + describe(template)
                            + (changed.reason() == null ? "" : ": " + changed.reason())
                            + template.rejection().map(r -> r.recommendation() == null ? "" : ". " + r.recommendation())
                            .orElse(""), reasonDetails(changed), now));
            case ARCHIVED -> {
                Instant deletion = Archiving.deletionDeadline(changed.at());
                caused.add(raise(template, AlertType.TEMPLATE_ARCHIVED, AlertSeverity.HIGH,
                        "Meta archived template " + describe(template) + "; it cannot be sent and Meta deletes it on "
                                + deletion + " unless it is unarchived", Map.of("deletionDeadline", deletion.toString()),
                        now));
            }
            case APPROVED -> {
                if (!discovered) {
                    caused.addAll(alerting.resolveAll(template.organizationId(), AlertSubject.template(template.id()),
                            CLEARED_BY_APPROVAL, now));
                }
            }
            default -> {
            }
        }
    }

    private static String pausedMessage(TemplateSnapshot template) {
        boolean pacing = template.pause().map(p -> p.kind() == PauseKind.RATE_LIMITING).orElse(false);
        if (pacing) {
            return "Meta paused template " + describe(template) + " during pacing (RATE_LIMITING_PAUSE): it does not"
                    + " unpause by itself; a person must unpause it (POST /{template_id}/unpause)";
        }
        return "Meta paused template " + describe(template) + " (pause " + template.pauseCount()
                + (template.pauseCount() >= 2 ? "; a third pause disables it" : "") + ")";
    }

    private void onQualityChanged(TemplateSnapshot template, TemplateEvent.QualityChanged quality, Instant now,
                                  List<DomainEvent> caused) {
        Map<String, String> details = Map.of("from", quality.from().name(), "to", quality.to().name());
        if (quality.to() == QualityRating.RED) {
            caused.add(reassess(template, AlertSeverity.CRITICAL,
                    "quality of template " + describe(template) + " is RED; Meta pauses RED templates", details, now));
        } else if (quality.to() == QualityRating.YELLOW) {
            // Both ways: GREEN -> YELLOW raises it, RED -> YELLOW lowers the open alert to MEDIUM.
            caused.add(reassess(template, AlertSeverity.MEDIUM,
                    "quality of template " + describe(template) + " is YELLOW"
                            + (quality.from() == QualityRating.RED ? ", up from RED" : ", down from " + quality.from()),
                    details, now));
        } else if (quality.to() == QualityRating.GREEN) {
            resolve(template, AlertType.QUALITY_DEGRADED, now, caused);
        }
    }

    private void onCategoryChanged(TemplateSnapshot template, TemplateEvent.CategoryChanged changed, Instant now,
                                   List<DomainEvent> caused) {
        resolve(template, AlertType.CATEGORY_CHANGE_PENDING, now, caused);
        if (changed.allowed()) {
            return;
        }
        caused.add(raise(template, AlertType.CATEGORY_CHANGED, AlertSeverity.HIGH,
                "Meta recategorised template " + describe(template) + " from " + changed.from() + " to "
                        + changed.to() + "; its campaigns are held until the change is acknowledged",
                Map.of("from", changed.from().name(), "to", changed.to().name()), now));
    }

    private DomainEvent raise(TemplateSnapshot template, AlertType type, AlertSeverity severity, String message,
                              Map<String, String> details, Instant now) {
        return alerting.raise(template.organizationId(), type, severity, AlertSubject.template(template.id()),
                message, withTemplate(template, details), now);
    }

    private DomainEvent reassess(TemplateSnapshot template, AlertSeverity severity, String message,
                                 Map<String, String> details, Instant now) {
        return alerting.reassess(template.organizationId(), AlertType.QUALITY_DEGRADED, severity,
                AlertSubject.template(template.id()), message, withTemplate(template, details), now);
    }

    private static Map<String, String> withTemplate(TemplateSnapshot template, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("templateId", template.id().toString());
        all.put("templateName", template.name().value());
        all.put("language", template.language().value());
        return all;
    }

    private void resolve(TemplateSnapshot template, AlertType type, Instant now, List<DomainEvent> caused) {
        alerting.resolve(template.organizationId(), AlertSubject.template(template.id()), type, now)
                .ifPresent(caused::add);
    }

    private static Map<String, String> pauseDetails(TemplateSnapshot template) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pauseCount", String.valueOf(template.pauseCount()));
        template.pause().ifPresent(pause -> {
            details.put("pauseKind", pause.kind().name());
            if (pause.title() != null) {
                details.put("pauseTitle", pause.title());
            }
            if (pause.description() != null) {
                details.put("pauseDescription", pause.description());
            }
            pause.expectedUntil(template.pauseCount()).ifPresent(until -> details.put("expectedUntil", until.toString()));
        });
        return details;
    }

    private static Map<String, String> reasonDetails(TemplateEvent.StatusChanged changed) {
        return changed.reason() == null ? Map.of() : Map.of("reason", changed.reason());
    }

    private static String describe(TemplateSnapshot template) {
        return template.name() + " (" + template.language() + ")";
    }
}
