package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.SaveNotificationPreferencesUseCase;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.NotFound;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Use case implementation: an organisation's ORG_ADMIN (or a super admin) replaces its notification
 * preferences, recorded in the audit log with what they were and became (the Slack URL masked: it is
 * a credential).
 */
public final class SaveNotificationPreferencesService implements SaveNotificationPreferencesUseCase {

    private final NotificationPreferencesStore store;
    private final OrganizationRepository organizations;
    private final UnitOfWork unitOfWork;
    private final AdminAudit audit;
    private final boolean allowPlainHttp;

    /** @param allowPlainHttp lets Slack URLs be http, for local stand-ins; never in production */
    public SaveNotificationPreferencesService(NotificationPreferencesStore store, OrganizationRepository organizations,
                                              UnitOfWork unitOfWork, AuditTrail audit, Clock clock,
                                              boolean allowPlainHttp) {
        this.store = store;
        this.organizations = organizations;
        this.unitOfWork = unitOfWork;
        this.audit = new AdminAudit(audit, clock);
        this.allowPlainHttp = allowPlainHttp;
    }

    @Override
    public NotificationPreferences save(Actor actor, NotificationPreferences preferences) {
        actor.requireWrite(preferences.organizationId());
        return unitOfWork.inTransaction(() -> {
            // A super admin names the organisation: one that does not exist is a 404, not a foreign key refusal.
            organizations.findById(preferences.organizationId())
                    .orElseThrow(() -> new NotFound("organisation", preferences.organizationId()));
            NotificationPreferences before = store.find(preferences.organizationId())
                    .orElseGet(() -> NotificationPreferences.none(preferences.organizationId()));
            NotificationPreferences valid = keepingStoredSlackUrl(preferences, before).validated(allowPlainHttp);
            store.save(valid);
            audit.record(actor, valid.organizationId(), AuditAction.NOTIFICATION_PREFERENCES_CHANGED,
                    AuditResource.of(AuditResource.Kind.NOTIFICATION_PREFERENCES, valid.organizationId().value()),
                    facts(before), facts(valid));
            return valid;
        });
    }

    /** GET shows the Slack URL masked; a PUT that sends the masked form back keeps the stored URL. */
    private static NotificationPreferences keepingStoredSlackUrl(NotificationPreferences submitted,
                                                                 NotificationPreferences before) {
        Optional<String> stored = before.slackWebhookUrl();
        if (stored.isPresent() && submitted.slackWebhookUrl()
                .equals(stored.map(NotificationPreferences::maskSlackUrl))) {
            return new NotificationPreferences(submitted.organizationId(), submitted.routes(),
                    submitted.emailRecipients(), stored, submitted.whatsAppProvider(), submitted.whatsAppNumbers(),
                    submitted.escalateAfter());
        }
        return submitted;
    }

    /** What an admin sees of the preferences, as GET shows them: the Slack URL masked. */
    static Map<String, String> facts(NotificationPreferences p) {
        Map<String, String> facts = new LinkedHashMap<>();
        List<AlertSeverity> severities = new ArrayList<>(List.of(AlertSeverity.values()));
        Collections.reverse(severities);
        facts.put("routes", severities.stream().filter(s -> !p.channelsFor(s).isEmpty())
                .map(s -> s + ": " + p.channelsFor(s).stream().sorted().map(Enum::name).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
        facts.put("email", String.join(", ", p.emailRecipients()));
        facts.put("slack", p.slackWebhookUrl().map(NotificationPreferences::maskSlackUrl).orElse(""));
        facts.put("whatsapp", p.whatsAppProvider() + (p.whatsAppNumbers().isEmpty() ? ""
                : ": " + String.join(", ", p.whatsAppNumbers())));
        facts.put("escalation", p.escalateAfter().toMinutes() + " min");
        return facts;
    }
}
