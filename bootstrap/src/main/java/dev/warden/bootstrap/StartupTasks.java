package dev.warden.bootstrap;

import dev.warden.application.port.in.ProvisionAdminUseCase;
import dev.warden.application.port.in.ProvisionAdminUseCase.DemoCredentials;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the server listens: make sure someone can sign in, and say where Warden runs. Taking the
 * JWT signature here makes a missing signing secret fail the start, not the first login.
 */
@Singleton
final class StartupTasks {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    private final ProvisionAdminUseCase provisionAdmin;
    private final String adminUsername;
    private final String adminPassword;
    private final boolean embeddedDatabase;

    StartupTasks(ProvisionAdminUseCase provisionAdmin, @Named("generator") SignatureGeneratorConfiguration jwtSignature,
                 @Value("${warden.admin.username:}") String adminUsername,
                 @Value("${warden.admin.password:}") String adminPassword,
                 @Value("${warden.database.embedded:false}") boolean embeddedDatabase) {
        this.provisionAdmin = provisionAdmin;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.embeddedDatabase = embeddedDatabase;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        String url = "http://localhost:" + event.getSource().getPort();
        if (!adminUsername.isBlank() && !adminPassword.isBlank()) {
            boolean created = provisionAdmin.ensureSuperAdmin(adminUsername, adminPassword);
            LOG.info("Super admin '{}' {}", adminUsername, created ? "created from WARDEN_ADMIN_USERNAME" : "exists");
        } else if (embeddedDatabase) {
            provisionAdmin.createDemoIfEmpty().ifPresent(demo -> announce(url, demo));
        }
        LOG.info("Warden is running at {} (health: {}/health, login: POST {}/login)", url, url, url);
    }

    private static void announce(String url, DemoCredentials demo) {
        // Shown once, when the demo installation is created; the password is stored only as a hash.
        LOG.info("""

                ================================================================
                 Warden demo installation created ({})
                 Sign in at {}/login as
                   username: {}
                   password: {}
                 This is shown only now. To start over, delete .warden/ .
                ================================================================""",
                demo.organizationName(), url, demo.username(), demo.password());
    }
}
