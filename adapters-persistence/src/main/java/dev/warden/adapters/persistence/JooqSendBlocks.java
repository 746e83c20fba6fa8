package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.SEND_BLOCKS;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persistence adapter: the WABAs' block lists (V18); each write is one upsert or delete. */
@Singleton
public final class JooqSendBlocks implements SendBlockRepository {

    private final DSLContext dsl;

    public JooqSendBlocks(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void block(SendBlock b) {
        var s = SEND_BLOCKS;
        dsl.insertInto(s)
                .set(s.ORGANIZATION_ID, b.organizationId().value())
                .set(s.WABA_ID, b.wabaId().value())
                .set(s.CONTACT, b.contact())
                .set(s.REASON, b.reason().name())
                .set(s.UNTIL, b.until().map(Times::toDb).orElse(null))
                .set(s.DETAIL, b.detail())
                .set(s.SINCE, Times.toDb(b.since()))
                .onConflict(s.ORGANIZATION_ID, s.WABA_ID, s.CONTACT, s.REASON).doUpdate()
                .set(s.UNTIL, b.until().map(Times::toDb).orElse(null))
                .set(s.DETAIL, b.detail())
                .execute();
    }

    @Override
    public void lift(OrganizationId organizationId, WabaId wabaId, String contact, BlockReason reason) {
        dsl.deleteFrom(SEND_BLOCKS).where(SEND_BLOCKS.ORGANIZATION_ID.eq(organizationId.value()),
                SEND_BLOCKS.WABA_ID.eq(wabaId.value()), SEND_BLOCKS.CONTACT.eq(contact),
                SEND_BLOCKS.REASON.eq(reason.name())).execute();
    }

    @Override
    public List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now) {
        var s = SEND_BLOCKS;
        return dsl.selectFrom(s).where(s.ORGANIZATION_ID.eq(organizationId.value()), s.WABA_ID.eq(wabaId.value()),
                        s.CONTACT.in(contact, SendBlock.WHOLE_WABA), s.UNTIL.isNull().or(s.UNTIL.gt(Times.toDb(now))))
                .fetch().map(r -> new SendBlock(new OrganizationId(r.getOrganizationId()), new WabaId(r.getWabaId()),
                        r.getContact(), BlockReason.valueOf(r.getReason()), Optional.ofNullable(r.getUntil())
                        .map(Times::fromDb), r.getDetail(), Times.fromDb(r.getSince())));
    }
}
