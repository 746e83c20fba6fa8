package dev.warden.adapters.web.api;

import dev.warden.domain.audit.AuditEntry;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/** One admin action as the API shows it. */
@Serdeable
record AuditEntryResponse(String id, String organizationId, Instant at, String actor, String action,
                          Resource resource, Map<String, String> before, Map<String, String> after) {

    /** The thing acted on. */
    @Serdeable
    record Resource(String kind, String id) {
    }

    static AuditEntryResponse from(AuditEntry e) {
        return new AuditEntryResponse(e.id().toString(), e.organizationId().toString(), e.at(), e.actor(),
                e.action().name(), new Resource(e.resource().kind().name(), e.resource().id()), e.before(),
                e.after());
    }
}
