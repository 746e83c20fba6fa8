package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetQualitySummaryUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.health.QualitySummary;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case implementation: the quality summary within the actor's scope. */
public final class GetQualitySummaryService implements GetQualitySummaryUseCase {

    private final TemplateHealthViews views;
    private final UnitOfWork unitOfWork;

    public GetQualitySummaryService(TemplateHealthViews views, UnitOfWork unitOfWork) {
        this.views = views;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public QualitySummary getSummary(Actor actor, Optional<OrganizationId> organizationId, int recentChanges) {
        if (recentChanges < 1 || recentChanges > MAX_RECENT_CHANGES) {
            throw new InvalidValue("recent must be between 1 and " + MAX_RECENT_CHANGES + ", was " + recentChanges);
        }
        Optional<OrganizationId> scope = actor.readScope(organizationId);
        return unitOfWork.inTransaction(() -> views.summary(scope, recentChanges));
    }
}
