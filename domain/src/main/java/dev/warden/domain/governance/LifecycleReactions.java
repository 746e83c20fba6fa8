package dev.warden.domain.governance;

import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.PauseReason;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateEvent;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The side effects of template events on campaigns and alerts (SPEC 3.3 to 3.5). */
final class LifecycleReactions {

    private static final List<AlertType> CLEARED_BY_APPROVAL =
            List.of(AlertType.TEMPLATE_PAUSED, AlertType.TEMPLATE_DISABLED, AlertType.TEMPLATE_REJECTED);

    private final CampaignRepository campaigns;
    private final Alerting alerting;
    private final AutoPausePolicy autoPausePolicy;

    LifecycleReactions(CampaignRepository campaigns, Alerting alerting, AutoPausePolicy autoPausePolicy) {
        this.campaigns = campaigns;
        this.alerting = alerting;
        this.autoPausePolicy = autoPausePolicy;
    }

    /**
     * The side effects of one event.
     *
     * @param discovered the template was created by this very change: no campaign or alert can refer
     *                   to it yet, so there is nothing to pause, resume or resolve
     */
    List<DomainEvent> react(TemplateSnapshot template, TemplateEvent event, BooleanSupplier autoResume,
                            boolean discovered, Instant now) {
        List<DomainEvent> caused = new ArrayList<>();
        if (event instanceof TemplateEvent.StatusChanged changed) {
            onStatusChanged(template, changed, discovered ? () -> false : autoResume, discovered, now, caused);
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

    private void onStatusChanged(TemplateSnapshot template, TemplateEvent.StatusChanged changed,
                                 BooleanSupplier autoResume, boolean discovered, Instant now,
                                 List<DomainEvent> caused) {
        OrganizationId org = template.organizationId();
        if (!discovered) {
            autoPausePolicy.pauseFor(changed.to()).ifPresent(reason ->
                    caused.addAll(campaigns.pauseRunningUsing(org, template.id(), reason, now)));
        }
        switch (changed.to()) {
            case PAUSED -> caused.add(raise(template, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH,
                    "Meta paused template " + describe(template) + " (pause " + template.pauseCount()
                            + (template.pauseCount() >= 2 ? "; a third pause disables it" : "") + ")",
                    pauseDetails(template), now));
            case DISABLED -> caused.add(raise(template, AlertType.TEMPLATE_DISABLED, AlertSeverity.CRITICAL,
                    "Meta disabled template " + describe(template), reasonDetails(changed), now));
            case REJECTED -> caused.add(raise(template, AlertType.TEMPLATE_REJECTED, AlertSeverity.HIGH,
                    "Meta rejected template " + describe(template)
                            + (changed.reason() == null ? "" : ": " + changed.reason())
                            + template.rejection().map(r -> r.recommendation() == null ? "" : ". " + r.recommendation())
                            .orElse(""), reasonDetails(changed), now));
            case APPROVED -> {
                if (!discovered) {
                    caused.addAll(alerting.resolveAll(template.organizationId(), AlertSubject.template(template.id()),
                            CLEARED_BY_APPROVAL, now));
                }
                if (autoResume.getAsBoolean()) {
                    caused.addAll(campaigns.resumePausedBySystem(org, template.id(),
                            PauseReason.TEMPLATE_STATUS_REASONS, now));
                }
            }
            default -> {
            }
        }
    }

    private void onQualityChanged(TemplateSnapshot template, TemplateEvent.QualityChanged quality, Instant now,
                                  List<DomainEvent> caused) {
        if (quality.to() == QualityRating.RED) {
            caused.add(raise(template, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL,
                    "quality of template " + describe(template) + " is RED; Meta pauses RED templates",
                    Map.of("from", quality.from().name(), "to", "RED"), now));
        } else if (quality.to() == QualityRating.YELLOW && quality.from() != QualityRating.RED) {
            caused.add(raise(template, AlertType.QUALITY_DEGRADED, AlertSeverity.MEDIUM,
                    "quality of template " + describe(template) + " dropped to YELLOW",
                    Map.of("from", quality.from().name(), "to", "YELLOW"), now));
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
                        + changed.to() + "; its campaigns are paused until the change is acknowledged",
                Map.of("from", changed.from().name(), "to", changed.to().name()), now));
        caused.addAll(campaigns.pauseRunningUsing(template.organizationId(), template.id(),
                PauseReason.CATEGORY_CHANGED, now));
    }

    private DomainEvent raise(TemplateSnapshot template, AlertType type, AlertSeverity severity, String message,
                              Map<String, String> details, Instant now) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("templateId", template.id().toString());
        all.put("templateName", template.name().value());
        all.put("language", template.language().value());
        return alerting.raise(template.organizationId(), type, severity, AlertSubject.template(template.id()),
                message, all, now);
    }

    private void resolve(TemplateSnapshot template, AlertType type, Instant now, List<DomainEvent> caused) {
        alerting.resolve(template.organizationId(), AlertSubject.template(template.id()), type, now)
                .ifPresent(caused::add);
    }

    private static Map<String, String> pauseDetails(TemplateSnapshot template) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("pauseCount", String.valueOf(template.pauseCount()));
        template.pause().ifPresent(pause -> {
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
