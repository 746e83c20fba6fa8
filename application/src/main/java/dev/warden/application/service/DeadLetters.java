package dev.warden.application.service;

import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.out.InboxChange;
import dev.warden.application.port.out.WebhookInbox;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a change goes to the dead letters: marked DEAD, a {@code WEBHOOK_DEAD_LETTER} alert
 * for the organisation that owns its WABA (the platform organisation when none does; one
 * unresolved alert per WABA, repeats counted), and a log line once the caller's transaction committed (through the
 * {@link ChangeTally}). Runs in the caller's transaction.
 */
final class DeadLetters {

    /** Reasons come from exceptions; keep alerts and logs readable and free of long payload echoes. */
    private static final int REASON_LENGTH = 300;

    private final WebhookInbox inbox;
    private final Alerting alerting;

    DeadLetters(WebhookInbox inbox, Alerting alerting) {
        this.inbox = inbox;
        this.alerting = alerting;
    }

    /** Empty when the change was settled meanwhile by another worker: nothing is buried, nothing alerted. */
    Optional<DomainEvent> bury(InboxChange change, Optional<OrganizationId> owner, int attempts, String reason,
                               Instant now, ChangeTally tally) {
        String shortReason = reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH) + "...";
        if (!inbox.markDead(change.id(), attempts, shortReason, now)) {
            return Optional.empty();
        }
        String waba = subjectOf(change.wabaId());
        String field = String.valueOf(change.field());
        tally.deadLettered(change.id(), change.deliveryId(), waba, field, shortReason);
        return Optional.of(alerting.raise(owner.orElse(PlatformOrganization.ID), AlertType.WEBHOOK_DEAD_LETTER, AlertSeverity.HIGH,
                AlertSubject.waba(waba), "Webhook change " + change.id() + " (" + field + ") of WhatsApp Business Account "
                        + waba + " was not applied and is kept as a dead letter: " + shortReason,
                Map.of("changeId", String.valueOf(change.id()), "wabaId", waba, "field", field,
                        "attempts", String.valueOf(attempts)), now));
    }

    /** The WABA a dead letter's alert is about; changes that named none share one. */
    static String subjectOf(String wabaId) {
        return wabaId == null ? "(none)" : wabaId;
    }
}
