package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphHttp;
import dev.warden.adapters.meta.graph.GraphTemplateSubmission;
import dev.warden.application.port.in.SubmitTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.GovernancePorts;
import dev.warden.application.service.SubmitTemplateService;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the Graph API writer and the use cases that change templates at Meta. */
@Factory
class MetaWritesFactory {

    @Singleton
    MetaTemplateSubmission metaTemplateSubmission(GraphHttp http) {
        return new GraphTemplateSubmission(http);
    }

    @Singleton
    SubmitTemplateUseCase submitTemplate(MetaTemplateSubmission meta, GovernancePorts governance,
                                         UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                         Clock clock) {
        return new SubmitTemplateService(meta, governance, unitOfWork, publisher, audit, clock);
    }
}
