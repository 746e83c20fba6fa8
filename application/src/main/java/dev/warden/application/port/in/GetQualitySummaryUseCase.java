package dev.warden.application.port.in;

import dev.warden.domain.health.QualitySummary;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Query: template counts by status and quality, and the latest quality changes, within what the actor may see. */
public interface GetQualitySummaryUseCase {

    int MAX_RECENT_CHANGES = 50;
    int DEFAULT_RECENT_CHANGES = 10;

    /** @param recentChanges how many of the latest quality changes to include, 1 to {@link #MAX_RECENT_CHANGES} */
    QualitySummary getSummary(Actor actor, Optional<OrganizationId> organizationId, int recentChanges);
}
