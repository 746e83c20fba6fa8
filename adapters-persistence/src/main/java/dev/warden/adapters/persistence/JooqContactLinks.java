package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.CONTACT_LINKS;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: a WABA's phone numbers and business-scoped user ids seen together (V20 {@code contact_links}). */
@Singleton
public final class JooqContactLinks implements ContactLinkRepository {

    /** A contact has one or two identities in practice; a runaway list is not read whole on the send path. */
    private static final int MAX_LINKS = 20;

    private final DSLContext dsl;

    public JooqContactLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void link(OrganizationId organizationId, WabaId wabaId, String phone, String userId, Instant seenAt) {
        var l = CONTACT_LINKS;
        dsl.insertInto(l)
                .set(l.ORGANIZATION_ID, organizationId.value())
                .set(l.WABA_ID, wabaId.value())
                .set(l.PHONE, phone)
                .set(l.USER_ID, userId)
                .set(l.SEEN_AT, Times.toDb(seenAt))
                .onConflict(l.ORGANIZATION_ID, l.WABA_ID, l.PHONE, l.USER_ID).doUpdate()
                .set(l.SEEN_AT, DSL.greatest(l.SEEN_AT, DSL.excluded(l.SEEN_AT)))
                .execute();
    }

    @Override
    public List<String> linked(OrganizationId organizationId, WabaId wabaId, String contact) {
        var l = CONTACT_LINKS;
        var scope = l.ORGANIZATION_ID.eq(organizationId.value()).and(l.WABA_ID.eq(wabaId.value()));
        return dsl.select(l.USER_ID).from(l).where(scope, l.PHONE.eq(contact))
                .unionAll(DSL.select(l.PHONE).from(l).where(scope, l.USER_ID.eq(contact)))
                .limit(MAX_LINKS)
                .fetch(0, String.class);
    }
}
