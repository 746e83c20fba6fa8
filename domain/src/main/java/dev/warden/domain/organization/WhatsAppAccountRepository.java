package dev.warden.domain.organization;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Outgoing persistence port for WABA ownership, the routing table for Meta's webhooks. */
public interface WhatsAppAccountRepository {

    /** @throws WabaAlreadyOwned if the WABA is registered already (to any organisation) */
    void add(WhatsAppAccount account);

    Optional<WhatsAppAccount> findByWabaId(WabaId wabaId);

    /** Ordered by WABA id. */
    Page<WhatsAppAccount> findByOrganization(OrganizationId organizationId, PageRequest page);
}
