package dev.warden.application.service;

import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.governance.AutoPausePolicy;
import dev.warden.domain.governance.AutoResume;
import dev.warden.domain.governance.TemplateGovernor;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.quality.QualityHistory;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersionRepository;
import dev.warden.domain.template.TemplateKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a {@link TemplateGovernor} needs; the inbox builds one per batch over write-behind template ports.
 * {@code notices} stores the notifications of the batch's alerts in the batch's transaction.
 */
public record GovernancePorts(TemplateRepository templates, TemplateHistory history,
                              TemplateVersionRepository versions, QualityHistory quality,
                              CampaignRepository campaigns, AlertRepository alerts,
                              OrganizationRepository organizations, AutoPausePolicy autoPausePolicy,
                              AlertNotices notices) {

    /** Without notifications: for tests and tools that only govern. */
    public GovernancePorts(TemplateRepository templates, TemplateHistory history, TemplateVersionRepository versions,
                           QualityHistory quality, CampaignRepository campaigns, AlertRepository alerts,
                           OrganizationRepository organizations, AutoPausePolicy autoPausePolicy) {
        this(templates, history, versions, quality, campaigns, alerts, organizations, autoPausePolicy,
                AlertNotices.NONE);
    }

    /** Alerts raised outside a batch's templates (unroutable WABAs, dead letters), straight to the repository. */
    Alerting alerting() {
        return new Alerting(alerts, notices);
    }

    private TemplateGovernor governorOver(InboxBatch batch) {
        // An organisation's setting (and its alerts' routing) is read once per batch, not once per template.
        Map<OrganizationId, Boolean> settings = new HashMap<>();
        AutoResume stored = AutoResume.readFrom(organizations);
        AutoResume autoResume = organization -> settings.computeIfAbsent(organization, stored::forOrganization);
        return new TemplateGovernor(batch.templates(), batch.templates().history(), batch.templates().versions(),
                batch.templates().quality(), batch.holds(), new Alerting(batch.alerts(), notices.forOneBatch()),
                autoResume, autoPausePolicy);
    }

    /**
     * Governs one batch of reported changes in the caller's transaction: the one path every change
     * Meta reports takes, whether a webhook brought it or reconciliation found it, so both have the
     * same side effects (history, holds, alerts). The templates named by {@code keys} are read and
     * locked up front, in one consistent order, so batches touching the same templates wait for
     * each other instead of racing; everything the batch did is written at the end.
     */
    <T> T governBatch(Map<OrganizationId, ? extends Collection<TemplateKey>> keys, Function<BatchGovernor, T> work) {
        return governBatch(keys, InboxBatch.BusyTemplates.WAIT, work);
    }

    /**
     * The same, but the templates another batch holds are not waited for: they are {@link BatchGovernor#busy},
     * and {@code work} leaves their changes for a later batch (ADR 0024). The inbox's way: its changes wait in the
     * inbox anyway, and a worker waiting for another's commit does nothing meanwhile. Unless {@code otherChanges}
     * (the batch has changes that are not about templates), a batch whose every template is busy waits for them.
     */
    <T> T governBatchLeavingBusy(Map<OrganizationId, ? extends Collection<TemplateKey>> keys, boolean otherChanges,
                                 Function<BatchGovernor, T> work) {
        return governBatch(keys, otherChanges ? InboxBatch.BusyTemplates.LEAVE
                : InboxBatch.BusyTemplates.LEAVE_UNLESS_NOTHING_ELSE, work);
    }

    private <T> T governBatch(Map<OrganizationId, ? extends Collection<TemplateKey>> keys,
                              InboxBatch.BusyTemplates busy, Function<BatchGovernor, T> work) {
        InboxBatch batch = newBatch();
        batch.prefetch(keys, busy);
        T result = work.apply(new BatchGovernor(governorOver(batch), batch.templates()));
        batch.flush();
        return result;
    }

    private InboxBatch newBatch() {
        WriteBehindTemplates batchTemplates = new WriteBehindTemplates(templates, history, versions, quality);
        return new InboxBatch(batchTemplates, new WriteBehindAlerts(alerts),
                new BatchCampaignHolds(campaigns, batchTemplates::changedStatuses));
    }
}
