package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.PlatformOrganization;
import dev.warden.application.port.in.CreateUserCommand;
import dev.warden.application.port.in.ProvisionAdminUseCase.DemoCredentials;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.domain.audit.AuditAction;
import dev.warden.domain.audit.AuditEntry;
import dev.warden.domain.audit.AuditFilter;
import dev.warden.domain.fixtures.InMemoryAuditLog;
import dev.warden.domain.shared.PageRequest;
import java.util.List;
import java.util.Map;
import dev.warden.domain.fixtures.InMemoryOrganizationRepository;
import dev.warden.domain.fixtures.InMemoryUserRepository;
import dev.warden.domain.fixtures.InMemoryWhatsAppAccountRepository;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.WabaAlreadyOwned;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.Username;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdministrationTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final PassThroughUnitOfWork unitOfWork = new PassThroughUnitOfWork();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
    private final InMemoryWhatsAppAccountRepository accounts = new InMemoryWhatsAppAccountRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ReversedPasswordHasher hasher = new ReversedPasswordHasher();
    private final Actor root = new Actor("root", Role.SUPER_ADMIN, Optional.empty());

    private final CreateOrganizationService createOrganization =
            new CreateOrganizationService(organizations, unitOfWork, auditLog, clock);
    private final RegisterWhatsAppAccountService registerAccount =
            new RegisterWhatsAppAccountService(organizations, accounts, new InMemoryWebhookInbox(),
                    new dev.warden.domain.alert.Alerting(new dev.warden.domain.fixtures.InMemoryAlertRepository()),
                    unitOfWork, auditLog, clock);
    private final CreateUserService createUser = new CreateUserService(organizations, users, hasher, unitOfWork, auditLog, clock);
    private final AuthenticateUserService authenticate = new AuthenticateUserService(users, hasher, unitOfWork);
    private final ProvisionAdminService provision = new ProvisionAdminService(organizations, users, hasher, unitOfWork,
            clock);

    @Test
    void only_a_super_admin_creates_organizations_and_registers_wabas() {
        Organization acme = createOrganization.createOrganization(root, "  Acme  ");
        Actor acmeAdmin = new Actor("ann", Role.ORG_ADMIN, Optional.of(acme.id()));

        assertThat(acme.name()).isEqualTo("Acme");
        assertThatThrownBy(() -> createOrganization.createOrganization(acmeAdmin, "Other"))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> registerAccount.registerWhatsAppAccount(acmeAdmin,
                new RegisterWhatsAppAccountCommand(acme.id(), new WabaId("1"), "line"))).isInstanceOf(AccessDenied.class);
    }

    @Test
    void a_waba_belongs_to_one_organization() {
        Organization acme = createOrganization.createOrganization(root, "Acme");
        Organization globex = createOrganization.createOrganization(root, "Globex");
        registerAccount.registerWhatsAppAccount(root, new RegisterWhatsAppAccountCommand(acme.id(),
                new WabaId("102290129340398"), "Main"));

        assertThatThrownBy(() -> registerAccount.registerWhatsAppAccount(root, new RegisterWhatsAppAccountCommand(
                globex.id(), new WabaId("102290129340398"), "Stolen"))).isInstanceOf(WabaAlreadyOwned.class);
        assertThatThrownBy(() -> registerAccount.registerWhatsAppAccount(root, new RegisterWhatsAppAccountCommand(
                OrganizationId.random(), new WabaId("5"), "Nobody's"))).isInstanceOf(NotFound.class);
    }

    @Test
    void organization_admins_create_users_of_their_own_organization_only() {
        Organization acme = createOrganization.createOrganization(root, "Acme");
        Organization globex = createOrganization.createOrganization(root, "Globex");
        Actor acmeAdmin = new Actor("ann", Role.ORG_ADMIN, Optional.of(acme.id()));
        Actor viewer = new Actor("vic", Role.VIEWER, Optional.of(acme.id()));

        createUser.createUser(acmeAdmin, new CreateUserCommand(acme.id(), new Username("bob"), "correct horse 1",
                Role.VIEWER));

        assertThat(authenticate.authenticate("BOB", "correct horse 1")).get().satisfies(actor -> {
            assertThat(actor.role()).isEqualTo(Role.VIEWER);
            assertThat(actor.organizationId()).contains(acme.id());
        });
        assertThat(authenticate.authenticate("bob", "wrong horse 11")).isEmpty();
        assertThat(authenticate.authenticate("nobody", "correct horse 1")).isEmpty();
        assertThatThrownBy(() -> createUser.createUser(acmeAdmin, new CreateUserCommand(globex.id(),
                new Username("eve"), "correct horse 1", Role.VIEWER))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> createUser.createUser(acmeAdmin, new CreateUserCommand(acme.id(),
                new Username("eve"), "correct horse 1", Role.SUPER_ADMIN))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> createUser.createUser(viewer, new CreateUserCommand(acme.id(),
                new Username("eve"), "correct horse 1", Role.VIEWER))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> new CreateUserCommand(acme.id(), new Username("eve"), "short", Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> createUser.createUser(root, new CreateUserCommand(PlatformOrganization.ID,
                new Username("eve"), "correct horse 1", Role.ORG_ADMIN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform organisation");

        List<AuditEntry> acmeLog = auditLog.find(new AuditFilter(Optional.of(acme.id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), PageRequest.first()).items();
        assertThat(acmeLog).extracting(AuditEntry::actor, AuditEntry::action)
                .containsExactly(tuple("ann", AuditAction.USER_CREATED), tuple("root", AuditAction.ORGANIZATION_CREATED));
        assertThat(acmeLog.get(0).after()).isEqualTo(Map.of("username", "bob", "role", "VIEWER"));
        assertThat(acmeLog.toString()).doesNotContain("correct horse");
    }

    @Test
    void a_new_installation_gets_a_demo_admin_once_and_a_configured_admin_stays_as_it_is() {
        DemoCredentials demo = provision.createDemoIfEmpty().orElseThrow();

        assertThat(authenticate.authenticate(demo.username(), demo.password())).get()
                .extracting(Actor::role).isEqualTo(Role.SUPER_ADMIN);
        assertThat(provision.createDemoIfEmpty()).isEmpty();
        assertThat(demo.toString()).doesNotContain(demo.password());
        assertThat(provision.ensureSuperAdmin("ops", "configured secret")).isTrue();
        assertThat(provision.ensureSuperAdmin("ops", "another secret")).isFalse();
        assertThat(authenticate.authenticate("ops", "configured secret")).isPresent();
    }
}
