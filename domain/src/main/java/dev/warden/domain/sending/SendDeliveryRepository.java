package dev.warden.domain.sending;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Outgoing persistence port: the provider's status reports on the sends it accepted. A webhook names a
 * send only by the provider's message id, so {@link #match} finds the sends first; each write is one
 * atomic merge by {@link SendDelivery#with}'s rule, so reports of one send racing in two workers are
 * both kept.
 */
public interface SendDeliveryRepository {

    /**
     * A customer send of the organisation the provider accepted under that id.
     *
     * @param failureKnown whether a failure was already reported for it (its lessons are then kept)
     */
    record MatchedSend(UUID notificationId, String providerMessageId, OutboundMessage message, boolean failureKnown) {
    }

    /** The organisation's sends of that WABA with these provider message ids; unknown ids are left out. */
    List<MatchedSend> match(OrganizationId organizationId, WabaId wabaId, Collection<String> providerMessageIds);

    /**
     * Whether a send of the organisation from that WABA is being handed to Meta now: claimed (a claim that
     * has not run out at {@code now}), its provider message id not recorded yet. A status naming an id no send
     * has may be that send's.
     */
    boolean handsOver(OrganizationId organizationId, WabaId wabaId, Instant now);

    /**
     * Merges each send's reports into what is kept (all in one round trip where the store allows), writing
     * the sends in the map's iteration order: callers give one order so that concurrent writers of the same
     * sends take their row locks alike.
     */
    void record(OrganizationId organizationId, Map<UUID, List<DeliveryReport>> reports);

    /** What was reported for the send; empty when the provider has said nothing yet. */
    Optional<SendDelivery> find(OrganizationId organizationId, UUID notificationId);
}
