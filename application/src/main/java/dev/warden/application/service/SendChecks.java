package dev.warden.application.service;

import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendRefused;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/**
 * The block-list check every send passes before it is queued, and again before its provider call; and the
 * check that a Meta sender number an organisation names is one of its own WABA's.
 */
final class SendChecks {

    private SendChecks() {
    }

    /** The first block in force that refuses this message; empty when it may go. */
    static Optional<SendBlock> blocking(SendBlockRepository blocks, OrganizationId organization,
                                        OutboundMessage message, Instant now) {
        return blocks.active(organization, message.wabaId(), message.recipient().contact(), now).stream()
                .filter(block -> block.reason().refuses(message.category())).findFirst();
    }

    static void requireNotBlocked(SendBlockRepository blocks, OrganizationId organization, OutboundMessage message,
                                  Instant now) {
        blocking(blocks, organization, message, now).ifPresent(block -> {
            throw SendRefused.blocked(block);
        });
    }

    /**
     * Refuses (400, naming phoneNumberId) a number Meta does not list under the WABA: the deployment's one
     * token reaches every organisation's numbers, so without this an organisation could send from another's.
     * Meta unreachable is a 503 (MetaUnreachable), never a pass.
     */
    static void requireNumberOfWaba(WabaPhoneNumbers numbers, WabaId wabaId, String phoneNumberId) {
        boolean belongs = MetaCalls.call("check phone number " + phoneNumberId + " of WABA " + wabaId,
                () -> numbers.belongs(wabaId, phoneNumberId));
        if (!belongs) {
            throw new InvalidValue("phoneNumberId " + phoneNumberId + " is not one of the phone numbers Meta lists"
                    + " for WABA " + wabaId);
        }
    }
}
