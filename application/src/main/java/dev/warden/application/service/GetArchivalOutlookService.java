package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetArchivalOutlookUseCase;
import dev.warden.application.port.out.TemplateActivities;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.Inactivity;
import dev.warden.domain.template.TemplateActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case implementation: the archival countdowns, by {@link Inactivity} at the clock's now. */
public final class GetArchivalOutlookService implements GetArchivalOutlookUseCase {

    private final TemplateActivities activities;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public GetArchivalOutlookService(TemplateActivities activities, UnitOfWork unitOfWork, Clock clock) {
        this.activities = activities;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public List<TemplateActivity> outlook(Actor actor, Optional<OrganizationId> organizationId, int withinDays) {
        if (withinDays < 1 || withinDays > MAX_DAYS) {
            throw new InvalidValue("withinDays must be between 1 and " + MAX_DAYS + ", was " + withinDays);
        }
        Optional<OrganizationId> scope = actor.readScope(organizationId);
        Instant horizon = clock.instant().plus(Duration.ofDays(withinDays));
        // The store filters by a bound that may let a few later ones through; ordered by last activity, they
        // come last, so the exact list is a prefix of what it returns.
        List<TemplateActivity> idle = unitOfWork.inTransaction(() ->
                activities.idleSince(scope, Inactivity.lastActivityBound(horizon), MAX_ITEMS));
        return idle.stream().filter(t -> !t.archivesAround().isAfter(horizon)).toList();
    }
}
