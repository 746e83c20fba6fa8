package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.MARKETING_PREFERENCES;
import static dev.warden.adapters.persistence.jooq.Tables.SEND_BLOCKS;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: the WABAs' block lists and the contacts' marketing words (V18); each write is one
 * upsert or delete. A marketing word's upsert applies {@link MarketingPreference#replaces} in its WHERE,
 * so the row only moves to a later-said word however the webhooks arrive and however they race.
 */
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
    public boolean prefer(MarketingPreference p) {
        var m = MARKETING_PREFERENCES;
        String optedOut = MarketingPreference.State.OPTED_OUT.name();
        String resumed = MarketingPreference.State.RESUMED.name();
        return dsl.insertInto(m)
                .set(m.ORGANIZATION_ID, p.organizationId().value())
                .set(m.WABA_ID, p.wabaId().value())
                .set(m.CONTACT, p.contact())
                .set(m.STATE, p.state().name())
                .set(m.AT, Times.toDb(p.at()))
                .set(m.DETAIL, p.detail())
                .onConflict(m.ORGANIZATION_ID, m.WABA_ID, m.CONTACT).doUpdate()
                .set(m.STATE, DSL.excluded(m.STATE))
                .set(m.AT, DSL.excluded(m.AT))
                .set(m.DETAIL, DSL.excluded(m.DETAIL))
                .where(DSL.excluded(m.AT).gt(m.AT).or(DSL.excluded(m.AT).eq(m.AT)
                        .and(DSL.excluded(m.STATE).eq(optedOut)).and(m.STATE.eq(resumed))))
                .execute() > 0;
    }

    @Override
    public List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now) {
        var s = SEND_BLOCKS;
        var m = MARKETING_PREFERENCES;
        List<SendBlock> blocks = dsl.selectFrom(s).where(s.ORGANIZATION_ID.eq(organizationId.value()),
                        s.WABA_ID.eq(wabaId.value()), s.CONTACT.in(contact, SendBlock.WHOLE_WABA),
                        s.UNTIL.isNull().or(s.UNTIL.gt(Times.toDb(now))))
                .fetch().map(r -> new SendBlock(new OrganizationId(r.getOrganizationId()), new WabaId(r.getWabaId()),
                        r.getContact(), BlockReason.valueOf(r.getReason()), Optional.ofNullable(r.getUntil())
                        .map(Times::fromDb), r.getDetail(), Times.fromDb(r.getSince())));
        List<SendBlock> optedOut = dsl.selectFrom(m).where(m.ORGANIZATION_ID.eq(organizationId.value()),
                        m.WABA_ID.eq(wabaId.value()), m.CONTACT.eq(contact),
                        m.STATE.eq(MarketingPreference.State.OPTED_OUT.name()))
                .fetch().map(r -> new SendBlock(organizationId, wabaId, contact, BlockReason.MARKETING_OPT_OUT,
                        Optional.empty(), r.getDetail(), Times.fromDb(r.getAt())));
        return Stream.concat(blocks.stream(), optedOut.stream()).toList();
    }
}
