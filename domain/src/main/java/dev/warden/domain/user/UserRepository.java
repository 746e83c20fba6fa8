package dev.warden.domain.user;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import java.util.Optional;

/** Outgoing persistence port for users. */
public interface UserRepository {

    /** @throws UsernameTaken if the username exists already */
    void add(User user);

    Optional<User> findByUsername(Username username);

    boolean anyExists();

    /** The users who belong to an organisation (a super admin's home one included), ordered by username. */
    Page<User> findByOrganization(OrganizationId organizationId, PageRequest page);
}
