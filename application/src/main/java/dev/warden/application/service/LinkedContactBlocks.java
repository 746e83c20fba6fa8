package dev.warden.application.service;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The block lists as every send check reads them: a contact's blocks are also those of the identities a
 * webhook linked to it (a phone number's business-scoped user ids, a user id's numbers), so an opt-out
 * or a cool-down said under one holds for a send to the other. Writes go to the store unchanged, under the
 * identity they were said for.
 */
public final class LinkedContactBlocks implements SendBlockRepository {

    private final SendBlockRepository blocks;
    private final ContactLinkRepository links;

    public LinkedContactBlocks(SendBlockRepository blocks, ContactLinkRepository links) {
        this.blocks = blocks;
        this.links = links;
    }

    @Override
    public void block(SendBlock block) {
        blocks.block(block);
    }

    @Override
    public boolean prefer(MarketingPreference preference) {
        return blocks.prefer(preference);
    }

    @Override
    public List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now) {
        if (SendBlock.WHOLE_WABA.equals(contact)) {
            return blocks.active(organizationId, wabaId, contact, now);
        }
        // A set: each identity's answer repeats the whole WABA's blocks.
        LinkedHashSet<SendBlock> found = new LinkedHashSet<>(blocks.active(organizationId, wabaId, contact, now));
        for (String other : links.linked(organizationId, wabaId, contact)) {
            found.addAll(blocks.active(organizationId, wabaId, other, now));
        }
        return new ArrayList<>(found);
    }
}
