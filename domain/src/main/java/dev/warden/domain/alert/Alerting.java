package dev.warden.domain.alert;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Raises and resolves alerts with the one-unresolved-alert-per-cause rule. */
public final class Alerting {

    private final AlertStore alerts;
    private final AlertNotices notices;

    public Alerting(AlertStore alerts) {
        this(alerts, AlertNotices.NONE);
    }

    public Alerting(AlertStore alerts, AlertNotices notices) {
        this.alerts = alerts;
        this.notices = notices;
    }

    /** Opens an alert, or counts a repeat of the unresolved one for the same subject and type. */
    public AlertEvent.Raised raise(OrganizationId organizationId, AlertType type, AlertSeverity severity,
                                   AlertSubject subject, String message, Map<String, String> details, Instant now) {
        return raise(alerts.findUnresolved(organizationId, subject, type), organizationId, type, severity, subject,
                message, details, now);
    }

    /**
     * Opens an alert unless one for the same subject and type is unresolved, which is left as it is (no repeat
     * counted): for causes that say one thing for as long as they last. Decided on one read, so a raise racing
     * this one either is that read (and this one does nothing) or meets it at the store's one-unresolved rule.
     */
    public Optional<AlertEvent.Raised> raiseOnce(OrganizationId organizationId, AlertType type,
                                                 AlertSeverity severity, AlertSubject subject, String message,
                                                 Map<String, String> details, Instant now) {
        if (alerts.findUnresolved(organizationId, subject, type).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(raise(Optional.empty(), organizationId, type, severity, subject, message, details, now));
    }

    private AlertEvent.Raised raise(Optional<Alert> open, OrganizationId organizationId, AlertType type,
                                    AlertSeverity severity, AlertSubject subject, String message,
                                    Map<String, String> details, Instant now) {
        Alert alert;
        AlertNotices.Reason reason = null;
        if (open.isPresent()) {
            alert = open.get();
            AlertSeverity before = alert.snapshot().severity();
            alert.repeat(severity, message, details, now);
            alerts.update(alert);
            if (severity.compareTo(before) > 0) {
                reason = AlertNotices.Reason.ESCALATED;
            }
        } else {
            alert = Alert.raise(AlertId.random(), organizationId, type, severity, subject, message, details, now);
            alerts.add(alert);
            reason = AlertNotices.Reason.RAISED;
        }
        AlertSnapshot s = alert.snapshot();
        if (reason != null) {
            notices.notice(s, reason);
        }
        return new AlertEvent.Raised(organizationId, s.id(), type, s.severity(), subject, s.message(), s.count(), now);
    }

    /**
     * Opens an alert at this severity, or sets the unresolved one for the same cause to it, lower or
     * higher: for causes that get better as well as worse.
     */
    public AlertEvent.Raised reassess(OrganizationId organizationId, AlertType type, AlertSeverity severity,
                                      AlertSubject subject, String message, Map<String, String> details, Instant now) {
        Optional<Alert> open = alerts.findUnresolved(organizationId, subject, type);
        if (open.isEmpty()) {
            return raise(organizationId, type, severity, subject, message, details, now);
        }
        Alert alert = open.get();
        if (severity.compareTo(alert.snapshot().severity()) > 0) {
            // Worse is a repeat of the cause: counted, and back to open.
            return raise(organizationId, type, severity, subject, message, details, now);
        }
        alert.reassess(severity, message, details, now);
        alerts.update(alert);
        AlertSnapshot s = alert.snapshot();
        return new AlertEvent.Raised(organizationId, s.id(), type, s.severity(), subject, s.message(), s.count(), now);
    }

    /** Resolves the unresolved alerts of the given types about a subject, with one lookup. */
    public List<AlertEvent.Resolved> resolveAll(OrganizationId organizationId, AlertSubject subject,
                                                Collection<AlertType> types, Instant now) {
        List<AlertEvent.Resolved> resolved = new ArrayList<>();
        for (Alert alert : alerts.findUnresolved(organizationId, subject)) {
            if (types.contains(alert.type())) {
                alert.resolve(now);
                alerts.update(alert);
                resolved.add(new AlertEvent.Resolved(organizationId, alert.id(), alert.type(), now));
            }
        }
        return resolved;
    }

    /** Whether an unresolved alert exists for the cause: a read, for callers that resolve it elsewhere. */
    public boolean isUnresolved(OrganizationId organizationId, AlertSubject subject, AlertType type) {
        return alerts.findUnresolved(organizationId, subject, type).isPresent();
    }

    /** Resolves the unresolved alert for the cause, if there is one. */
    public Optional<AlertEvent.Resolved> resolve(OrganizationId organizationId, AlertSubject subject, AlertType type,
                                                 Instant now) {
        return alerts.findUnresolved(organizationId, subject, type).map(alert -> resolve(alert, now));
    }

    /**
     * Resolves the unresolved alert for the cause only if the evidence that it is over is newer than
     * its last raise: a success seen before the failure that raised (or repeated) it says nothing.
     */
    public Optional<AlertEvent.Resolved> resolveRaisedBefore(OrganizationId organizationId, AlertSubject subject,
                                                             AlertType type, Instant evidenceAt) {
        return alerts.findUnresolved(organizationId, subject, type)
                .filter(alert -> alert.snapshot().lastRaisedAt().isBefore(evidenceAt))
                .map(alert -> resolve(alert, evidenceAt));
    }

    private AlertEvent.Resolved resolve(Alert alert, Instant now) {
        alert.resolve(now);
        alerts.update(alert);
        return new AlertEvent.Resolved(alert.organizationId(), alert.id(), alert.type(), now);
    }
}
