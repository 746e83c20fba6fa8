package dev.warden.domain.sending;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing persistence port: which phone number (its digits, as Meta's {@code wa_id}) and which
 * business-scoped user id a WABA's webhooks showed together for one customer (meta-platform.md §12).
 * The window and block-list checks look through these links, so a contact known by either is found.
 */
public interface ContactLinkRepository {

    /** Links the two; seeing the same pair again only refreshes when it was seen. */
    void link(OrganizationId organizationId, WabaId wabaId, String phone, String userId, Instant seenAt);

    /** The other identities of a contact: a phone's user ids, or a user id's phone numbers. */
    List<String> linked(OrganizationId organizationId, WabaId wabaId, String contact);
}
