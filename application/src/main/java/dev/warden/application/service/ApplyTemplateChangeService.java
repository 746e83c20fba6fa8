package dev.warden.application.service;

import dev.warden.application.port.in.ApplyTemplateChangeCommand;
import dev.warden.application.port.in.ApplyTemplateChangeUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainEventPublisher;
import java.time.Clock;

/**
 * Use case implementation: govern one reported change in one transaction, then publish what it
 * caused. A concurrent change to the same template is retried on fresh state.
 */
public final class ApplyTemplateChangeService implements ApplyTemplateChangeUseCase {

    static final int ATTEMPTS = 3;

    private final TemplateGovernor governor;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final Clock clock;

    public ApplyTemplateChangeService(TemplateGovernor governor, UnitOfWork unitOfWork, DomainEventPublisher publisher,
                                      Clock clock) {
        this.governor = governor;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public GovernanceResult applyTemplateChange(ApplyTemplateChangeCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                GovernanceResult result = unitOfWork.inTransaction(() -> governor.govern(command.organizationId(),
                        command.template(), command.change(), clock.instant()));
                publisher.publish(result.events());
                return result;
            } catch (ConcurrentModification e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
