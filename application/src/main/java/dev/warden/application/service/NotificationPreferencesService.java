package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.NotificationPreferencesUseCase;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import java.util.Optional;

/** Use case implementation: anyone of an organisation reads its notification preferences. */
public final class NotificationPreferencesService implements NotificationPreferencesUseCase {

    private final NotificationPreferencesStore store;
    private final UnitOfWork unitOfWork;

    public NotificationPreferencesService(NotificationPreferencesStore store, UnitOfWork unitOfWork) {
        this.store = store;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public NotificationPreferences preferences(Actor actor, Optional<OrganizationId> organizationId) {
        OrganizationId organization = actor.organizationFor(organizationId);
        return unitOfWork.inTransaction(() -> store.find(organization)
                .orElseGet(() -> NotificationPreferences.none(organization)));
    }
}
