package dev.warden.domain.sending;

import dev.warden.domain.shared.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port: an organisation's event mappings, one per event type. */
public interface EventMappingRepository {

    /** Stores it, replacing the organisation's mapping of the same event type. */
    void save(EventMapping mapping);

    Optional<EventMapping> find(OrganizationId organizationId, EventType eventType);

    /** Ordered by event type. */
    List<EventMapping> list(OrganizationId organizationId);

    /** False when there was none. */
    boolean delete(OrganizationId organizationId, EventType eventType);
}
