package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.GetArchivalOutlookUseCase;
import dev.warden.application.port.in.GetQualitySummaryUseCase;
import dev.warden.application.port.in.GetQualityTrendUseCase;
import dev.warden.application.port.in.ListCriticalTemplatesUseCase;
import dev.warden.application.port.in.TakeQualitySnapshotUseCase;
import dev.warden.application.port.out.SendStatistics;
import dev.warden.application.port.out.TemplateActivities;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.GetArchivalOutlookService;
import dev.warden.application.service.GetQualitySummaryService;
import dev.warden.application.service.GetQualityTrendService;
import dev.warden.application.service.ListCriticalTemplatesService;
import dev.warden.application.service.TakeQualitySnapshotService;
import dev.warden.domain.health.CriticalRule;
import dev.warden.domain.health.TemplateHealthViews;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.quality.QualitySnapshots;
import dev.warden.domain.template.TemplateRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Creates the health-view use cases, the quality snapshot and the critical rule from configuration. */
@Factory
class HealthFactory {

    @Singleton
    CriticalRule criticalRule(@Value("${warden.health.pending-after:48h}") Duration pendingAfter) {
        return new CriticalRule(pendingAfter);
    }

    @Singleton
    ListCriticalTemplatesUseCase listCriticalTemplates(TemplateHealthViews views, CriticalRule rule,
                                                       UnitOfWork unitOfWork, Clock clock) {
        return new ListCriticalTemplatesService(views, rule, unitOfWork, clock);
    }

    @Singleton
    GetArchivalOutlookUseCase getArchivalOutlook(TemplateActivities activities, UnitOfWork unitOfWork, Clock clock) {
        return new GetArchivalOutlookService(activities, unitOfWork, clock);
    }

    @Singleton
    GetQualitySummaryUseCase getQualitySummary(TemplateHealthViews views, SendStatistics statistics,
                                               UnitOfWork unitOfWork, Clock clock) {
        return new GetQualitySummaryService(views, statistics, unitOfWork, clock);
    }

    @Singleton
    GetQualityTrendUseCase getQualityTrend(TemplateRepository templates, QualityHistory quality,
                                           UnitOfWork unitOfWork, Clock clock) {
        return new GetQualityTrendService(templates, quality, unitOfWork, clock);
    }

    @Singleton
    TakeQualitySnapshotUseCase takeQualitySnapshot(QualitySnapshots snapshots, UnitOfWork unitOfWork, Clock clock,
                                                   @Value("${warden.quality.snapshot.interval:6h}") Duration interval) {
        return new TakeQualitySnapshotService(snapshots, unitOfWork, clock, interval);
    }
}
