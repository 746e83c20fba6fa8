package dev.warden.application.port.in;

import dev.warden.domain.health.QualitySummary;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Query: template counts by status and quality, and the latest quality changes, within what the actor may see. */
public interface GetQualitySummaryUseCase {

    int MAX_RECENT_CHANGES = 50;
    int DEFAULT_RECENT_CHANGES = 10;

    /**
     * The customer sends of one organisation over a period: accepted by the provider ({@code sent}),
     * refused for good ({@code failed}), and of the sent ones what Meta's status reports said.
     */
    record SendTotals(StatsPeriod period, long sent, long failed, long delivered, long read, long undelivered) {
    }

    /**
     * The templates' summary and, when it is about one organisation, its send totals of the last
     * {@link StatsPeriod#DEFAULT_DAYS} days (left out across all organisations rather than shown as zeros).
     */
    record Summary(QualitySummary quality, Optional<SendTotals> sends) {
    }

    /** @param recentChanges how many of the latest quality changes to include, 1 to {@link #MAX_RECENT_CHANGES} */
    Summary getSummary(Actor actor, Optional<OrganizationId> organizationId, int recentChanges);
}
