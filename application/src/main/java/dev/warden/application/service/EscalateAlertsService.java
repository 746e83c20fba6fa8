package dev.warden.application.service;

import dev.warden.application.port.in.EscalateAlertsUseCase;
import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertNotices;
import dev.warden.domain.alert.AlertRepository;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.OrganizationId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case implementation: a CRITICAL alert still open (not acknowledged) once its organisation's
 * escalation delay has passed since it was last raised is told again. Every instance may run this:
 * the notification's dedupe key (the alert and its raise count) stores it once however many
 * instances find it, so the check is safe in a cluster without a lock.
 */
public final class EscalateAlertsService implements EscalateAlertsUseCase {

    /** The shortest delay an organisation may choose; alerts younger than it are not even read. */
    static final Duration SHORTEST_DELAY = Duration.ofMinutes(1);
    static final int BATCH = 500;

    private final AlertRepository alerts;
    private final NotificationPreferencesStore preferences;
    private final AlertNotices notices;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public EscalateAlertsService(AlertRepository alerts, NotificationPreferencesStore preferences,
                                 AlertNotices notices, UnitOfWork unitOfWork, Clock clock) {
        this.alerts = alerts;
        this.preferences = preferences;
        this.notices = notices;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int escalate() {
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            List<AlertSnapshot> open = alerts.findOpen(AlertSeverity.CRITICAL, now.minus(SHORTEST_DELAY), BATCH);
            Map<OrganizationId, Duration> delays = new HashMap<>();
            int due = 0;
            for (AlertSnapshot alert : open) {
                Duration delay = delays.computeIfAbsent(alert.organizationId(), org -> preferences.find(org)
                        .map(NotificationPreferences::escalateAfter).orElse(NotificationPreferences.DEFAULT_ESCALATE_AFTER));
                if (!alert.lastRaisedAt().plus(delay).isAfter(now)) {
                    notices.notice(alert, AlertNotices.Reason.UNACKNOWLEDGED);
                    due++;
                }
            }
            return due;
        });
    }
}
