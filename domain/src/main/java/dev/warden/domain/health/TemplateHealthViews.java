package dev.warden.domain.health;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing read port for the health views. An empty organisation means every organisation (super
 * admins only; the caller enforces that).
 */
public interface TemplateHealthViews {

    /** The templates {@code rule} finds critical at {@code now}, in {@link CriticalRule#ORDER}. */
    Page<CriticalTemplate> critical(Optional<OrganizationId> organizationId, CriticalRule rule, Instant now,
                                    PageRequest page);

    /** Counts by status and quality, with the {@code recentChanges} latest applied quality changes. */
    QualitySummary summary(Optional<OrganizationId> organizationId, int recentChanges);
}
