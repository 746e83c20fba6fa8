package dev.warden.application.port.out;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateActivity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the templates at Meta that have been idle longest, by what Warden recorded of them. */
public interface TemplateActivities {

    /**
     * Templates Meta holds and has not archived or deleted, whose last activity is before {@code before},
     * the longest idle first, at most {@code limit}; every organisation's when {@code organizationId} is empty.
     */
    List<TemplateActivity> idleSince(Optional<OrganizationId> organizationId, Instant before, int limit);
}
