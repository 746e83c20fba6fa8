package dev.warden.adapters.persistence;

import static dev.warden.domain.fixtures.TemplateFixtures.aTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.AvailableTemplates;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.TemplateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox's template read that does not wait (ADR 0024): a template another transaction holds comes back busy,
 * neither read nor mistaken for one that is not stored; the others are read and locked for the caller.
 */
class JooqBusyTemplatesIT {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DSLContext dsl;
    private OrganizationId org;
    private TemplateFixtures.Builder held;
    private TemplateFixtures.Builder free;
    private TemplateKey unknown;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.emptyDatabase();
        org = organization("Acme");
        held = aTemplate().in(org).named("held");
        free = aTemplate().in(org).named("free");
        new JooqTemplateRepository(dsl).addAll(List.of(held.build(), free.build()));
        unknown = new TemplateKey(held.key().wabaId(), TemplateFixtures.nextMetaTemplateId());
    }

    @Test
    void a_template_another_transaction_holds_is_busy_and_the_others_are_read_and_locked() throws SQLException {
        try (Connection other = lockedInAnotherTransaction(held.key())) {
            dsl.transaction(configuration -> {
                AvailableTemplates available = new JooqTemplateRepository(configuration.dsl())
                        .findByKeysUnlessBusy(org, List.of(held.key(), free.key(), unknown));

                assertThat(available.templates()).extracting(t -> t.snapshot().name().value()).containsExactly("free");
                assertThat(available.busy()).containsExactly(held.key());
                assertThatThrownBy(() -> lockNoWait(other, free.key())).as("the free template is the caller's now")
                        .isInstanceOf(SQLException.class).hasMessageContaining("could not obtain lock");
            });
            other.rollback();
        }

        AvailableTemplates released = new JooqTemplateRepository(dsl).findByKeysUnlessBusy(org,
                List.of(held.key(), free.key()));
        assertThat(released.templates()).extracting(MessageTemplate::id)
                .containsExactlyInAnyOrder(held.build().id(), free.build().id());
        assertThat(released.busy()).isEmpty();
    }

    @Test
    void another_organisation_s_busy_template_with_the_same_key_is_nothing_to_this_one() throws SQLException {
        OrganizationId otherOrg = organization("Globex");
        TemplateFixtures.Builder theirs = aTemplate().in(otherOrg).withMetaId(new MetaTemplateId(
                unknown.metaTemplateId().value())).named("theirs");
        new JooqTemplateRepository(dsl).add(theirs.build());

        try (Connection other = lockedInAnotherTransaction(theirs.key())) {
            AvailableTemplates available = dsl.transactionResult(configuration -> new JooqTemplateRepository(
                    configuration.dsl()).findByKeysUnlessBusy(org, List.of(unknown)));
            assertThat(available).isEqualTo(new AvailableTemplates(List.of(), java.util.Set.of()));
            other.rollback();
        }
    }

    private OrganizationId organization(String name) {
        Organization organization = Organization.create(OrganizationId.random(), name, T0);
        new JooqOrganizationRepository(dsl).add(organization);
        return organization.id();
    }

    /** A connection whose open transaction holds the template's row, as another inbox batch would. */
    private static Connection lockedInAnotherTransaction(TemplateKey key) throws SQLException {
        Connection connection = TestDatabase.dataSource().getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM templates WHERE waba_id = ? AND meta_template_id = ? FOR UPDATE")) {
            lock.setString(1, key.wabaId().value());
            lock.setString(2, key.metaTemplateId().value());
            assertThat(lock.executeQuery().next()).isTrue();
        }
        return connection;
    }

    private static void lockNoWait(Connection connection, TemplateKey key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM templates WHERE waba_id = ? AND meta_template_id = ? FOR UPDATE NOWAIT")) {
            lock.setString(1, key.wabaId().value());
            lock.setString(2, key.metaTemplateId().value());
            lock.executeQuery();
        }
    }
}
