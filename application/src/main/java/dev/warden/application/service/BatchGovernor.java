package dev.warden.application.service;

import dev.warden.domain.governance.GovernanceResult;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * The governor of one batch of reported changes, whoever found them: the webhook inbox or
 * reconciliation with Meta ({@link GovernancePorts#governBatch}). Templates it reads are the
 * batch's, locked for its transaction; those another batch holds are {@link #busy}.
 */
record BatchGovernor(TemplateGovernor governor, WriteBehindTemplates templates) {

    GovernanceResult govern(OrganizationId organizationId, TemplateMention mention, ReportedChange change,
                            Instant now) {
        return governor.govern(organizationId, mention, change, now);
    }

    /** Whether another batch holds the template: a change about it is left for a later batch (ADR 0024). */
    boolean busy(OrganizationId organizationId, TemplateKey key) {
        return templates.busy(organizationId, key);
    }

    /** The template as the batch knows it now, changes governed so far included. */
    Optional<TemplateSnapshot> current(OrganizationId organizationId, TemplateKey key) {
        return templates.findByKey(organizationId, key).map(MessageTemplate::snapshot);
    }
}
