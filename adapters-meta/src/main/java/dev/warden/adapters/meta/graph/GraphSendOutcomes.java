package dev.warden.adapters.meta.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.sending.SendResult;

/**
 * Meta's refusals of an alert message ({@link MetaSendErrors}' table) sorted for the notification
 * outbox: a retryable refusal is tried again; a refusal about the template or the sending account
 * is one no alert gets past until a person acts (the channel is broken); one about the recipient or
 * this one message (132005, its text too long) fails that notification alone.
 */
final class GraphSendOutcomes {

    private GraphSendOutcomes() {
    }

    /** The outcome of a non-200 answer. */
    static DeliveryOutcome refusal(int httpStatus, JsonNode body) {
        return outcome(MetaSendErrors.refusal(httpStatus, body));
    }

    /** A call that got no answer (network, timeout) or could not be made (no token). */
    static DeliveryOutcome failed(MetaCallFailed failed) {
        return outcome(MetaSendErrors.failed(failed));
    }

    private static DeliveryOutcome outcome(SendResult.Refused refused) {
        SendRefusal refusal = refused.refusal();
        if (refusal.retryable()) {
            return new DeliveryOutcome.Retryable(refused.error(), refused.notBefore());
        }
        boolean channelBroken = refusal.scope() == SendRefusal.Scope.TEMPLATE
                || refusal.scope() == SendRefusal.Scope.ACCOUNT;
        return new DeliveryOutcome.Permanent(refused.error(), channelBroken);
    }
}
