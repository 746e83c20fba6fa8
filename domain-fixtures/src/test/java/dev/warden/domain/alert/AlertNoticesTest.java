package dev.warden.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quiet repeats: people hear of an alert when it opens and when it gets worse, not on every repeat. */
class AlertNoticesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final OrganizationId org = OrganizationId.random();
    private final List<String> told = new ArrayList<>();
    private final Alerting alerting = new Alerting(new InMemoryAlertRepository(),
            (alert, reason) -> told.add(reason + " " + alert.severity()));
    private final AlertSubject subject = AlertSubject.waba("102290129340398");

    private void raise(AlertSeverity severity, int second) {
        alerting.raise(org, AlertType.QUALITY_DEGRADED, severity, subject, "m", Map.of(), T0.plusSeconds(second));
    }

    @Test
    void a_new_alert_is_told_once_and_repeats_at_the_same_or_a_lower_severity_are_quiet() {
        raise(AlertSeverity.HIGH, 0);
        raise(AlertSeverity.HIGH, 1);
        raise(AlertSeverity.MEDIUM, 2);

        assertThat(told).containsExactly("RAISED HIGH");
    }

    @Test
    void a_repeat_at_a_higher_severity_is_told_again_as_an_escalation() {
        raise(AlertSeverity.MEDIUM, 0);
        raise(AlertSeverity.CRITICAL, 1);
        raise(AlertSeverity.CRITICAL, 2);

        assertThat(told).containsExactly("RAISED MEDIUM", "ESCALATED CRITICAL");
    }

    @Test
    void a_reassessment_down_is_quiet_and_back_up_is_an_escalation() {
        alerting.reassess(org, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL, subject, "red", Map.of(), T0);
        alerting.reassess(org, AlertType.QUALITY_DEGRADED, AlertSeverity.MEDIUM, subject, "yellow", Map.of(), T0);
        alerting.reassess(org, AlertType.QUALITY_DEGRADED, AlertSeverity.CRITICAL, subject, "red", Map.of(), T0);

        assertThat(told).containsExactly("RAISED CRITICAL", "ESCALATED CRITICAL");
    }

    @Test
    void a_resolved_cause_that_comes_back_is_a_new_alert() {
        raise(AlertSeverity.HIGH, 0);
        alerting.resolve(org, subject, AlertType.QUALITY_DEGRADED, T0.plusSeconds(1));
        raise(AlertSeverity.HIGH, 2);

        assertThat(told).containsExactly("RAISED HIGH", "RAISED HIGH");
    }
}
