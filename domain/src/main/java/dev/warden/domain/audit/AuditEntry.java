package dev.warden.domain.audit;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One admin action as the audit log keeps it: who did what to which thing in which organisation,
 * when, and the fields it changed as they were before and after (empty before for a creation).
 * Values are the API's own words, so the log reads like the responses the admin saw.
 */
public record AuditEntry(UUID id, OrganizationId organizationId, String actor, AuditAction action,
                         AuditResource resource, Map<String, String> before, Map<String, String> after, Instant at) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(at, "at");
        actor = actor.strip().toLowerCase(Locale.ROOT);
        before = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(before, "before")));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(after, "after")));
    }

    public static AuditEntry of(OrganizationId organizationId, String actor, AuditAction action,
                                AuditResource resource, Map<String, String> before, Map<String, String> after,
                                Instant at) {
        return new AuditEntry(UUID.randomUUID(), organizationId, actor, action, resource, before, after, at);
    }
}
