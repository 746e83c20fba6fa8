package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.PasswordHasher;
import dev.warden.domain.fixtures.InMemoryUserRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.PasswordHash;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.User;
import dev.warden.domain.user.UserId;
import dev.warden.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failed login costs the same work whether the username exists or not: one password check each
 * time, against a decoy hash for unknown or impossible names. So its timing does not tell which exist.
 */
class AuthenticateUserServiceTest {

    /** Records every hash a password is checked against. */
    private static final class CountingHasher implements PasswordHasher {

        private final ReversedPasswordHasher real = new ReversedPasswordHasher();
        final List<PasswordHash> checkedAgainst = new ArrayList<>();

        @Override
        public PasswordHash hash(String password) {
            return real.hash(password);
        }

        @Override
        public boolean matches(String password, PasswordHash hash) {
            checkedAgainst.add(hash);
            return real.matches(password, hash);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final AuthenticateUserService authenticate =
            new AuthenticateUserService(users, hasher, new PassThroughUnitOfWork());

    @Test
    void unknown_and_impossible_usernames_are_checked_like_a_wrong_password() {
        users.add(new User(UserId.random(), Optional.of(OrganizationId.random()), new Username("bob"),
                hasher.hash("correct horse 1"), Role.VIEWER, Instant.parse("2026-01-01T00:00:00Z")));

        for (String username : List.of("bob", "nobody", "no such name!")) {
            hasher.checkedAgainst.clear();

            assertThat(authenticate.authenticate(username, "wrong horse 11")).as(username).isEmpty();
            assertThat(hasher.checkedAgainst).as("password checks for %s", username).hasSize(1);
        }
        assertThat(authenticate.authenticate("bob", "correct horse 1")).isPresent();
    }
}
