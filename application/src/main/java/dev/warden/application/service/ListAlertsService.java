package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListAlertsUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Use case implementation: list alerts within the actor's scope. */
public final class ListAlertsService implements ListAlertsUseCase {

    private final AlertRepository alerts;
    private final UnitOfWork unitOfWork;

    public ListAlertsService(AlertRepository alerts, UnitOfWork unitOfWork) {
        this.alerts = alerts;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<AlertSnapshot> listAlerts(Actor actor, AlertFilter filter, PageRequest page) {
        AlertFilter scoped = filter.within(actor.readScope(filter.organizationId()));
        return unitOfWork.inTransaction(() -> alerts.list(scoped, page));
    }
}
