package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.user.User;

/** Query: the users of an organisation; members see their own organisation's, super admins any. */
public interface ListUsersUseCase {

    Page<User> listUsers(Actor actor, OrganizationId organizationId, PageRequest page);
}
