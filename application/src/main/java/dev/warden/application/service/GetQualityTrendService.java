package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetQualityTrendUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.quality.QualityObservation;
import dev.warden.domain.quality.QualityTrend;
import dev.warden.domain.quality.TrendPoints;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case implementation: a template's quality trend over a window ending now. */
public final class GetQualityTrendService implements GetQualityTrendUseCase {

    private final TemplateRepository templates;
    private final QualityHistory quality;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public GetQualityTrendService(TemplateRepository templates, QualityHistory quality, UnitOfWork unitOfWork,
                                  Clock clock) {
        this.templates = templates;
        this.quality = quality;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Report getTrend(Actor actor, Optional<OrganizationId> organizationId, TemplateId templateId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidValue("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, organizationId, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            TemplateSnapshot template = templates.findById(scope, templateId).map(MessageTemplate::snapshot)
                    .orElseThrow(() -> new TemplateNotFound(templateId));
            List<QualityObservation> points = TrendPoints.current(quality.since(scope, templateId, from));
            return new Report(template, from, to, points, QualityTrend.of(points));
        });
    }
}
