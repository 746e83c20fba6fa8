package dev.warden.application.service;

import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendRefused;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Optional;

/** The block-list check every send passes before it is queued, and again before its provider call. */
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
}
