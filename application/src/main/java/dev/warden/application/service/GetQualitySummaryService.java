package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetQualitySummaryUseCase;
import dev.warden.application.port.out.SendStatistics;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.sending.SendCount;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Use case implementation: the quality summary within the actor's scope, with one organisation's send totals. */
public final class GetQualitySummaryService implements GetQualitySummaryUseCase {

    private final TemplateHealthViews views;
    private final SendStatistics statistics;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public GetQualitySummaryService(TemplateHealthViews views, SendStatistics statistics, UnitOfWork unitOfWork,
                                    Clock clock) {
        this.views = views;
        this.statistics = statistics;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Summary getSummary(Actor actor, Optional<OrganizationId> organizationId, int recentChanges) {
        if (recentChanges < 1 || recentChanges > MAX_RECENT_CHANGES) {
            throw new InvalidValue("recent must be between 1 and " + MAX_RECENT_CHANGES + ", was " + recentChanges);
        }
        Optional<OrganizationId> scope = actor.readScope(organizationId);
        StatsPeriod period = StatsPeriod.of(Optional.empty(), Optional.empty(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return unitOfWork.inTransaction(() -> new Summary(views.summary(scope, recentChanges),
                scope.map(organization -> totals(period, statistics.count(organization, period)))));
    }

    private static SendTotals totals(StatsPeriod period, List<SendCount> counts) {
        return new SendTotals(period, counts.stream().mapToLong(SendCount::sent).sum(),
                counts.stream().mapToLong(SendCount::failed).sum(), counts.stream().mapToLong(SendCount::delivered).sum(),
                counts.stream().mapToLong(SendCount::read).sum(), counts.stream().mapToLong(SendCount::undelivered).sum());
    }
}
