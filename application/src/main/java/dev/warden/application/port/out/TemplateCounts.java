package dev.warden.application.port.out;

import dev.warden.domain.health.TemplateLimit;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** Outgoing port: a WABA's template count against Meta's limit, as its latest reconciliation read them. */
public interface TemplateCounts {

    /** Keeps what Meta's list summary said at {@code at}, replacing what an earlier run read. */
    void record(OrganizationId organizationId, WabaId wabaId, TemplateLimit limit, Instant at);

    /** The WABA's latest count, empty before a reconciliation read one. */
    Optional<Counted> latest(OrganizationId organizationId, WabaId wabaId);

    record Counted(TemplateLimit limit, Instant at) {
    }
}
