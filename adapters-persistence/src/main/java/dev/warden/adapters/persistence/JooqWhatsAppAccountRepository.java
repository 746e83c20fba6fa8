package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.WHATSAPP_ACCOUNTS;

import dev.warden.adapters.persistence.jooq.tables.records.WhatsappAccountsRecord;
import dev.warden.domain.organization.WabaAlreadyOwned;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.organization.WhatsAppAccountRepository;
import dev.warden.domain.shared.OrganizationId;
import jakarta.inject.Singleton;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Persistence adapter: which organisation owns which WABA. */
@Singleton
public final class JooqWhatsAppAccountRepository implements WhatsAppAccountRepository {

    private final DSLContext dsl;

    public JooqWhatsAppAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(WhatsAppAccount account) {
        // ON CONFLICT keeps the transaction usable; the unique index on waba_id decides ownership.
        int inserted = dsl.insertInto(WHATSAPP_ACCOUNTS)
                .set(WHATSAPP_ACCOUNTS.ORGANIZATION_ID, account.organizationId().value())
                .set(WHATSAPP_ACCOUNTS.WABA_ID, account.wabaId().value())
                .set(WHATSAPP_ACCOUNTS.NAME, account.name())
                .set(WHATSAPP_ACCOUNTS.REGISTERED_AT, Times.toDb(account.registeredAt()))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            throw new WabaAlreadyOwned(account.wabaId());
        }
    }

    @Override
    public Optional<WhatsAppAccount> findByWabaId(WabaId wabaId) {
        return dsl.selectFrom(WHATSAPP_ACCOUNTS).where(WHATSAPP_ACCOUNTS.WABA_ID.eq(wabaId.value())).fetchOptional()
                .map(JooqWhatsAppAccountRepository::toDomain);
    }

    @Override
    public Page<WhatsAppAccount> findByOrganization(OrganizationId organizationId, PageRequest page) {
        Condition where = WHATSAPP_ACCOUNTS.ORGANIZATION_ID.eq(organizationId.value());
        return new Page<>(dsl.selectFrom(WHATSAPP_ACCOUNTS).where(where).orderBy(WHATSAPP_ACCOUNTS.WABA_ID)
                .limit(page.size()).offset(page.offset()).fetch().map(JooqWhatsAppAccountRepository::toDomain),
                page.page(), page.size(), dsl.fetchCount(WHATSAPP_ACCOUNTS, where));
    }

    private static WhatsAppAccount toDomain(WhatsappAccountsRecord r) {
        return new WhatsAppAccount(new OrganizationId(r.getOrganizationId()), new WabaId(r.getWabaId()), r.getName(),
                Times.fromDb(r.getRegisteredAt()));
    }
}
