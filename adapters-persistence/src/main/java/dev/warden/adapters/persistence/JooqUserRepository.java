package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.USERS;

import dev.warden.adapters.persistence.jooq.tables.records.UsersRecord;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.PasswordHash;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserId;
import dev.warden.domain.user.UserRepository;
import dev.warden.domain.user.Username;
import dev.warden.domain.user.UsernameTaken;
import jakarta.inject.Singleton;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Persistence adapter: users and their password hashes. */
@Singleton
public final class JooqUserRepository implements UserRepository {

    private final DSLContext dsl;

    public JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(User user) {
        int inserted = dsl.insertInto(USERS)
                .set(USERS.ID, user.id().value())
                .set(USERS.ORGANIZATION_ID, user.organizationId().map(OrganizationId::value).orElse(null))
                .set(USERS.USERNAME, user.username().value())
                .set(USERS.PASSWORD_HASH, user.passwordHash().value())
                .set(USERS.ROLE, user.role().name())
                .set(USERS.CREATED_AT, Times.toDb(user.createdAt()))
                .onConflict(USERS.USERNAME).doNothing()
                .execute();
        if (inserted == 0) {
            throw new UsernameTaken(user.username());
        }
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username.value())).fetchOptional()
                .map(JooqUserRepository::toDomain);
    }

    @Override
    public boolean anyExists() {
        return dsl.fetchExists(USERS);
    }

    @Override
    public Page<User> findByOrganization(OrganizationId organizationId, PageRequest page) {
        Condition where = USERS.ORGANIZATION_ID.eq(organizationId.value());
        return new Page<>(dsl.selectFrom(USERS).where(where).orderBy(USERS.USERNAME).limit(page.size())
                .offset(page.offset()).fetch().map(JooqUserRepository::toDomain),
                page.page(), page.size(), dsl.fetchCount(USERS, where));
    }

    private static User toDomain(UsersRecord r) {
        return new User(new UserId(r.getId()), Optional.ofNullable(r.getOrganizationId()).map(OrganizationId::new),
                new Username(r.getUsername()), new PasswordHash(r.getPasswordHash()), Role.valueOf(r.getRole()),
                Times.fromDb(r.getCreatedAt()));
    }
}
