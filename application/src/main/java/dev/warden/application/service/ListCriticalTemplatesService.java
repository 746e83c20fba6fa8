package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListCriticalTemplatesUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.health.CriticalRule;
import dev.warden.domain.health.CriticalTemplate;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.time.Clock;
import java.util.Optional;

/** Use case implementation: the critical list, by the configured rule, at the clock's now. */
public final class ListCriticalTemplatesService implements ListCriticalTemplatesUseCase {

    private final TemplateHealthViews views;
    private final CriticalRule rule;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ListCriticalTemplatesService(TemplateHealthViews views, CriticalRule rule, UnitOfWork unitOfWork,
                                        Clock clock) {
        this.views = views;
        this.rule = rule;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Page<CriticalTemplate> listCritical(Actor actor, Optional<OrganizationId> organizationId,
                                               PageRequest page) {
        Optional<OrganizationId> scope = actor.readScope(organizationId);
        return unitOfWork.inTransaction(() -> views.critical(scope, rule, clock.instant(), page));
    }
}
