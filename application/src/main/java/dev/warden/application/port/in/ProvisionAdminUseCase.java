package dev.warden.application.port.in;

import java.util.Optional;

/** Use case: make sure someone can sign in to a new installation. */
public interface ProvisionAdminUseCase {

    /** Creates {@code username} as a SUPER_ADMIN unless a user of that name exists; true if created. */
    boolean ensureSuperAdmin(String username, String password);

    /**
     * On an installation without any user, creates a demo organisation and a super admin with a
     * random password, and returns the credentials (to be shown once). Empty when users exist.
     */
    Optional<DemoCredentials> createDemoIfEmpty();

    /** What was created for a first look at Warden. */
    record DemoCredentials(String organizationName, String username, String password) {

        @Override
        public String toString() {
            return "DemoCredentials[organizationName=" + organizationName + ", username=" + username + "]";
        }
    }
}
