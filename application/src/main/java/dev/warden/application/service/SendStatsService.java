package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.SendStatsUseCase;
import dev.warden.application.port.out.SendStatistics;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Use case implementation: an organisation's send counts over a bounded period, read by any of its people. */
public final class SendStatsService implements SendStatsUseCase {

    private final SendStatistics statistics;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SendStatsService(SendStatistics statistics, UnitOfWork unitOfWork, Clock clock) {
        this.statistics = statistics;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public SendStats stats(Actor actor, Optional<OrganizationId> organizationId, Optional<LocalDate> from,
                           Optional<LocalDate> to) {
        OrganizationId organization = actor.organizationFor(organizationId);
        StatsPeriod period = StatsPeriod.of(from, to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new SendStats(period, unitOfWork.inTransaction(() -> statistics.count(organization, period)));
    }
}
