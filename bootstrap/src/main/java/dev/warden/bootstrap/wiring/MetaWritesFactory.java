package dev.warden.bootstrap.wiring;

import dev.warden.adapters.meta.graph.GraphHttp;
import dev.warden.adapters.meta.graph.GraphTemplateRecovery;
import dev.warden.adapters.meta.graph.GraphTemplateSubmission;
import dev.warden.application.port.in.DeleteTemplateUseCase;
import dev.warden.application.port.in.EditTemplateUseCase;
import dev.warden.application.port.in.RollbackTemplateUseCase;
import dev.warden.application.port.in.SubmitTemplateUseCase;
import dev.warden.application.port.in.UnarchiveTemplateUseCase;
import dev.warden.application.port.in.UnpauseTemplateUseCase;
import dev.warden.application.port.out.MetaTemplateRecovery;
import dev.warden.application.port.out.MetaTemplateSubmission;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.DeleteTemplateService;
import dev.warden.application.service.EditTemplateService;
import dev.warden.application.service.GovernancePorts;
import dev.warden.application.service.RollbackTemplateService;
import dev.warden.application.service.SubmitTemplateService;
import dev.warden.application.service.UnarchiveTemplateService;
import dev.warden.application.service.UnpauseTemplateService;
import dev.warden.domain.audit.AuditTrail;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.template.version.EditPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Creates the Graph API writers and the use cases that change templates at Meta (ADR 0012). */
@Factory
class MetaWritesFactory {

    @Singleton
    MetaTemplateSubmission metaTemplateSubmission(GraphHttp http) {
        return new GraphTemplateSubmission(http);
    }

    @Singleton
    MetaTemplateRecovery metaTemplateRecovery(GraphHttp http) {
        return new GraphTemplateRecovery(http);
    }

    @Singleton
    SubmitTemplateUseCase submitTemplate(MetaTemplateSubmission meta, GovernancePorts governance,
                                         UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                         Clock clock) {
        return new SubmitTemplateService(meta, governance, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    EditTemplateUseCase editTemplate(MetaTemplateSubmission meta, GovernancePorts governance, EditPolicy editPolicy,
                                     UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                     Clock clock) {
        return new EditTemplateService(meta, governance, editPolicy, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    RollbackTemplateUseCase rollbackTemplate(MetaTemplateSubmission meta, GovernancePorts governance,
                                             EditPolicy editPolicy, UnitOfWork unitOfWork,
                                             DomainEventPublisher publisher, AuditTrail audit, Clock clock) {
        return new RollbackTemplateService(meta, governance, editPolicy, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    DeleteTemplateUseCase deleteTemplate(MetaTemplateSubmission meta, GovernancePorts governance,
                                         UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                         Clock clock) {
        return new DeleteTemplateService(meta, governance, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    UnpauseTemplateUseCase unpauseTemplate(MetaTemplateRecovery meta, GovernancePorts governance,
                                           UnitOfWork unitOfWork, DomainEventPublisher publisher, AuditTrail audit,
                                           Clock clock) {
        return new UnpauseTemplateService(meta, governance, unitOfWork, publisher, audit, clock);
    }

    @Singleton
    UnarchiveTemplateUseCase unarchiveTemplate(MetaTemplateRecovery meta, GovernancePorts governance,
                                               UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                               AuditTrail audit, Clock clock) {
        return new UnarchiveTemplateService(meta, governance, unitOfWork, publisher, audit, clock);
    }
}
