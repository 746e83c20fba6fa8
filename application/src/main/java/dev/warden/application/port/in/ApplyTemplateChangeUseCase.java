package dev.warden.application.port.in;

import dev.warden.domain.governance.GovernanceResult;

/** Use case: apply one change Meta reported (webhook or reconciliation) with all its side effects, atomically. */
public interface ApplyTemplateChangeUseCase {

    GovernanceResult applyTemplateChange(ApplyTemplateChangeCommand command);
}
