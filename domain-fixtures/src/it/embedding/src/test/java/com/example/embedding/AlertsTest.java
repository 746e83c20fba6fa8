package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.alert.AlertEvent;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.fixtures.InMemoryGovernance;
import dev.warden.domain.fixtures.MetaEvent;
import dev.warden.domain.fixtures.MetaReports;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.PauseKind;
import dev.warden.domain.template.QualityRating;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertsTest {

    private final InMemoryGovernance warden = new InMemoryGovernance();
    private final OrganizationId acme = warden.anOrganization("Acme");
    private final MessageTemplate order = warden.store(TemplateFixtures.aTemplate().in(acme));

    @Test
    void a_pause_raises_one_alert_and_the_recovery_resolves_it() {
        warden.report(order, MetaReports.paused(PauseKind.FIRST, warden.clock.advance(Duration.ofMinutes(1))));

        assertThat(warden.openAlerts(order)).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.TEMPLATE_PAUSED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
            assertThat(alert.state()).isEqualTo(AlertState.OPEN);
        });
        assertThat(warden.events.published(AlertEvent.Raised.class)).singleElement()
                .extracting(AlertEvent.Raised::type).isEqualTo(AlertType.TEMPLATE_PAUSED);

        warden.report(order, MetaReports.event(MetaEvent.APPROVED, warden.clock.advance(Duration.ofHours(3))));

        assertThat(warden.openAlerts(order)).isEmpty();
        assertThat(warden.events.published(AlertEvent.Resolved.class)).singleElement()
                .extracting(AlertEvent.Resolved::type).isEqualTo(AlertType.TEMPLATE_PAUSED);
    }

    @Test
    void falling_quality_escalates_one_alert_instead_of_raising_another() {
        warden.report(order, MetaReports.quality(QualityRating.GREEN, QualityRating.YELLOW,
                warden.clock.advance(Duration.ofMinutes(1))));
        warden.report(order, MetaReports.quality(QualityRating.YELLOW, QualityRating.RED,
                warden.clock.advance(Duration.ofMinutes(1))));

        assertThat(warden.openAlerts(order)).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.QUALITY_DEGRADED);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.count()).isEqualTo(2);
        });
    }

    @Test
    void acknowledging_an_alert_records_who_did_it() {
        warden.report(order, MetaReports.flagged("January 31, 2027", warden.clock.advance(Duration.ofMinutes(1))));
        AlertSnapshot flagged = warden.openAlerts(order).get(0);

        warden.acknowledge(flagged, "alice");

        assertThat(warden.openAlerts(order)).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(alert.acknowledgedBy()).contains("alice");
        });
        assertThat(warden.events.published(AlertEvent.Acknowledged.class)).singleElement()
                .extracting(AlertEvent.Acknowledged::by).isEqualTo("alice");
    }
}
