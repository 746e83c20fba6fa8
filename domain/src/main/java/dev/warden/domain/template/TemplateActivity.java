package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A template's latest activity Warden knows of: its creation or last edit at Meta, its last unarchive, or its
 * last send through Warden, whichever is latest. Sends from elsewhere count at Meta but are unknown here.
 *
 * @param lastSent the last send through Warden that its provider accepted, if Warden knows of one
 */
public record TemplateActivity(OrganizationId organizationId, TemplateId templateId, WabaId wabaId, String name,
                               String language, Instant lastActivity, Optional<Instant> lastSent) {

    public TemplateActivity {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(lastSent, "lastSent");
    }

    /** When Meta archives the template unless it is sent, edited or appealed before. */
    public Instant archivesAround() {
        return Inactivity.archivesAround(lastActivity);
    }
}
