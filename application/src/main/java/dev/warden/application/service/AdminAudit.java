package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditResource;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records an admin action in the audit trail. Services call it inside the action's own transaction,
 * so the action and its record commit together or not at all.
 */
final class AdminAudit {

    private final AuditTrail trail;
    private final Clock clock;

    AdminAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void record(Actor actor, OrganizationId organizationId, AuditAction action, AuditResource resource,
                Map<String, String> before, Map<String, String> after) {
        trail.record(AuditEntry.of(organizationId, actor.username(), action, resource, before, after,
                clock.instant()));
    }

    /** What an admin sees of a campaign: its status and its holds (cause, detail, who). */
    static Map<String, String> facts(CampaignSnapshot campaign) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("status", campaign.status().name());
        facts.put("holds", campaign.holds().stream().map(AdminAudit::describe).collect(Collectors.joining(", ")));
        return facts;
    }

    /** What an admin sees of a template: name, language, category, status and current version. */
    static Map<String, String> facts(TemplateSnapshot template) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", template.name().value());
        facts.put("language", template.language().value());
        facts.put("category", template.category().name());
        facts.put("status", template.status().name());
        facts.put("version", "v" + template.currentVersion());
        return facts;
    }

    private static String describe(Hold hold) {
        return hold.cause().name() + hold.detail().map(d -> " (" + d + ")").orElse("")
                + hold.by().map(by -> " by " + by).orElse("");
    }
}
