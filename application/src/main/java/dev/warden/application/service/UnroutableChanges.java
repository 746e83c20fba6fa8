package dev.warden.application.service;

import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.organization.WabaId;
import java.time.Instant;

/**
 * Puts a WABA's unroutable changes back into the inbox and resolves their alert, in the caller's
 * transaction. If the WABA still has no owner, processing keeps them again and raises a fresh alert.
 */
final class UnroutableChanges {

    private final WebhookInbox inbox;
    private final Alerting alerting;

    UnroutableChanges(WebhookInbox inbox, Alerting alerting) {
        this.inbox = inbox;
        this.alerting = alerting;
    }

    int requeue(WabaId wabaId, Instant now) {
        int requeued = inbox.requeueUnroutable(wabaId, now);
        alerting.resolve(PlatformOrganization.ID, AlertSubject.waba(wabaId.value()), AlertType.UNROUTABLE_WEBHOOK, now);
        return requeued;
    }
}
