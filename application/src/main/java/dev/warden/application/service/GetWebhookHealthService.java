package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.GetWebhookHealthUseCase;
import dev.warden.application.port.in.GetWebhookHealthUseCase.Templates;
import dev.warden.application.port.out.SyncJobs;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WebhookGaps;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.NotFound;

/** Use case implementation: a WABA's webhook health and template count, for every role of the WABA's organisation. */
public final class GetWebhookHealthService implements GetWebhookHealthUseCase {

    private final WhatsAppAccountRepository accounts;
    private final SyncJobs jobs;
    private final WebhookGaps gaps;
    private final TemplateCounts counts;
    private final AlertRepository alerts;
    private final UnitOfWork unitOfWork;
    private final int limitWarnPercent;

    public GetWebhookHealthService(WhatsAppAccountRepository accounts, SyncJobs jobs, WebhookGaps gaps,
                                   TemplateCounts counts, AlertRepository alerts, UnitOfWork unitOfWork,
                                   int limitWarnPercent) {
        this.accounts = accounts;
        this.jobs = jobs;
        this.gaps = gaps;
        this.counts = counts;
        this.alerts = alerts;
        this.unitOfWork = unitOfWork;
        this.limitWarnPercent = limitWarnPercent;
    }

    @Override
    public WebhookHealth webhookHealth(Actor actor, WabaId wabaId) {
        return unitOfWork.inTransaction(() -> {
            // Another organisation's WABA is as unknown as one never registered.
            WhatsAppAccount account = accounts.findByWabaId(wabaId)
                    .filter(a -> actor.isSuperAdmin()
                            || actor.organizationId().filter(a.organizationId()::equals).isPresent())
                    .orElseThrow(() -> new NotFound("WhatsApp Business Account", wabaId));
            var organization = account.organizationId();
            return new WebhookHealth(wabaId, gaps.lastWebhookReceived(organization, wabaId),
                    jobs.latest(organization, wabaId), gaps.counts(organization, wabaId),
                    alerts.findUnresolved(organization, AlertSubject.waba(wabaId.value()), AlertType.WEBHOOKS_MISSING)
                            .isPresent(),
                    counts.latest(organization, wabaId).map(counted -> new Templates(counted,
                            counted.limit().severity(limitWarnPercent).isPresent())));
        });
    }
}
