package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaEvent;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.shared.OrganizationId;
import org.junit.jupiter.api.Test;

class FixturesFailFastTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");

    @Test
    void a_template_of_an_organisation_the_fixtures_do_not_know_is_refused() {
        // .in(acme) forgotten: the template belongs to a random organisation.
        assertThatThrownBy(() -> warden.store(TemplateFixtures.aTemplate()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("anOrganization");
    }

    @Test
    void a_change_about_a_template_never_stored_is_refused() {
        TemplateFixtures.Builder notStored = TemplateFixtures.aTemplate().in(acme);

        assertThatThrownBy(() -> warden.report(acme, notStored.key(),
                MetaReports.event(MetaEvent.APPROVED, warden.now())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store it first");
    }

    @Test
    void a_known_event_written_as_a_string_is_refused() {
        assertThatThrownBy(() -> MetaReports.unknown("paused", warden.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MetaEvent.PAUSED");
    }
}
