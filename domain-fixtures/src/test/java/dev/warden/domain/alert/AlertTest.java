package dev.warden.domain.alert;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertTest {

    private final OrganizationId org = OrganizationId.random();
    private final InMemoryAlertRepository repository = new InMemoryAlertRepository();
    private final Alerting alerting = new Alerting(repository);
    private final AlertSubject subject = AlertSubject.waba("102290129340398");

    @Test
    void a_repeated_cause_counts_on_the_open_alert() {
        alerting.raise(org, AlertType.UNROUTABLE_WEBHOOK, AlertSeverity.HIGH, subject, "first", Map.of(), T0);
        AlertEvent.Raised second = alerting.raise(org, AlertType.UNROUTABLE_WEBHOOK, AlertSeverity.MEDIUM, subject,
                "second", Map.of(), T0.plusSeconds(1));

        assertThat(second.count()).isEqualTo(2);
        assertThat(second.severity()).isEqualTo(AlertSeverity.HIGH);
        assertThat(repository.list(new AlertFilter(Optional.of(org), Optional.empty(), Optional.empty()),
                PageRequest.first()).total()).isEqualTo(1);
    }

    @Test
    void raised_once_an_alert_is_left_as_it_is_while_unresolved_and_opened_again_after() {
        Optional<AlertEvent.Raised> first = alerting.raiseOnce(org, AlertType.FALLBACK_TEMPLATE_USED,
                AlertSeverity.MEDIUM, subject, "falls back", Map.of(), T0);
        assertThat(first).hasValueSatisfying(raised -> assertThat(raised.count()).isEqualTo(1));

        assertThat(alerting.raiseOnce(org, AlertType.FALLBACK_TEMPLATE_USED, AlertSeverity.MEDIUM, subject,
                "falls back", Map.of(), T0.plusSeconds(1))).isEmpty();
        assertThat(repository.findUnresolved(org, subject, AlertType.FALLBACK_TEMPLATE_USED))
                .hasValueSatisfying(alert -> assertThat(alert.snapshot().count()).isEqualTo(1));

        alerting.resolve(org, subject, AlertType.FALLBACK_TEMPLATE_USED, T0.plusSeconds(2));
        assertThat(alerting.raiseOnce(org, AlertType.FALLBACK_TEMPLATE_USED, AlertSeverity.MEDIUM, subject,
                "falls back", Map.of(), T0.plusSeconds(3))).isPresent();
    }

    @Test
    void evidence_older_than_the_last_raise_resolves_nothing() {
        AlertSubject channel = new AlertSubject("CHANNEL", "SLACK");
        alerting.raise(org, AlertType.NOTIFICATION_CHANNEL_FAILING, AlertSeverity.HIGH, channel, "404", Map.of(),
                T0.plusSeconds(5));

        AlertType failing = AlertType.NOTIFICATION_CHANNEL_FAILING;
        assertThat(alerting.resolveRaisedBefore(org, channel, failing, T0.plusSeconds(1)))
                .as("a delivery tried before the failure").isEmpty();
        assertThat(alerting.isUnresolved(org, channel, AlertType.NOTIFICATION_CHANNEL_FAILING)).isTrue();
        assertThat(alerting.resolveRaisedBefore(org, channel, failing, T0.plusSeconds(9)))
                .as("a delivery tried after it").isPresent();
        assertThat(alerting.isUnresolved(org, channel, AlertType.NOTIFICATION_CHANNEL_FAILING)).isFalse();
    }

    @Test
    void an_acknowledged_alert_reopens_when_its_cause_repeats() {
        AlertEvent.Raised raised = alerting.raise(org, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH, subject, "m",
                Map.of(), T0);
        Alert alert = repository.findById(org, raised.alertId()).orElseThrow();
        assertThat(alert.acknowledge("alice", T0)).isTrue();
        assertThat(alert.acknowledge("bob", T0)).isFalse();
        repository.update(alert);

        alerting.raise(org, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH, subject, "again", Map.of(), T0);

        AlertSnapshot reopened = repository.findById(org, raised.alertId()).orElseThrow().snapshot();
        assertThat(reopened.state()).isEqualTo(AlertState.OPEN);
        assertThat(reopened.acknowledgedBy()).isEmpty();
    }

    @Test
    void after_resolution_a_new_cause_opens_a_new_alert() {
        AlertEvent.Raised first = alerting.raise(org, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH, subject, "m",
                Map.of(), T0);
        assertThat(alerting.resolve(org, subject, AlertType.TEMPLATE_PAUSED, T0)).isPresent();
        assertThat(alerting.resolve(org, subject, AlertType.TEMPLATE_PAUSED, T0)).isEmpty();

        AlertEvent.Raised second = alerting.raise(org, AlertType.TEMPLATE_PAUSED, AlertSeverity.HIGH, subject, "m",
                Map.of(), T0);

        assertThat(second.alertId()).isNotEqualTo(first.alertId());
        assertThat(second.count()).isEqualTo(1);
    }
}
