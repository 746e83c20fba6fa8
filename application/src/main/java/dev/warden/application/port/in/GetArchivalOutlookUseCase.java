package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateActivity;
import java.util.List;
import java.util.Optional;

/** Query: the templates Meta archives for inactivity within the next days, the soonest first. */
public interface GetArchivalOutlookUseCase {

    int MAX_DAYS = 365;
    int DEFAULT_DAYS = 60;
    /** The list is a warning to read, not an export: beyond this many a person has a bigger problem. */
    int MAX_ITEMS = 200;

    /** @param withinDays 1 to {@link #MAX_DAYS}: templates archived no later than this many days from now */
    List<TemplateActivity> outlook(Actor actor, Optional<OrganizationId> organizationId, int withinDays);
}
