package dev.warden.domain.alert;

import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something people should look at. A cause that repeats while the alert is unresolved bumps the
 * counter (and may raise the severity) instead of opening a second alert.
 */
public final class Alert {

    private final AlertId id;
    private final OrganizationId organizationId;
    private final AlertType type;
    private AlertSeverity severity;
    private final AlertSubject subject;
    private String message;
    private Map<String, String> details;
    private AlertState state;
    private int count;
    private final Instant createdAt;
    private Instant lastRaisedAt;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private final long revision;

    private Alert(AlertSnapshot s) {
        this.id = s.id();
        this.organizationId = s.organizationId();
        this.type = s.type();
        this.severity = s.severity();
        this.subject = s.subject();
        this.message = s.message();
        this.details = s.details();
        this.state = s.state();
        this.count = s.count();
        this.createdAt = s.createdAt();
        this.lastRaisedAt = s.lastRaisedAt();
        this.acknowledgedBy = s.acknowledgedBy().orElse(null);
        this.acknowledgedAt = s.acknowledgedAt().orElse(null);
        this.resolvedAt = s.resolvedAt().orElse(null);
        this.revision = s.revision();
    }

    public static Alert raise(AlertId id, OrganizationId organizationId, AlertType type, AlertSeverity severity,
                              AlertSubject subject, String message, Map<String, String> details, Instant now) {
        return new Alert(new AlertSnapshot(id, organizationId, type, severity, subject, message, details,
                AlertState.OPEN, 1, now, now, Optional.empty(), Optional.empty(), Optional.empty(), 0L));
    }

    public static Alert reconstitute(AlertSnapshot snapshot) {
        return new Alert(snapshot);
    }

    /** The same cause again: count it, keep the higher severity, and reopen an acknowledged alert. */
    public void repeat(AlertSeverity newSeverity, String newMessage, Map<String, String> newDetails, Instant now) {
        requireUnresolved();
        count++;
        severity = severity.atLeast(newSeverity);
        message = newMessage;
        details = Map.copyOf(newDetails);
        lastRaisedAt = now;
        state = AlertState.OPEN;
        acknowledgedBy = null;
        acknowledgedAt = null;
    }

    /**
     * The cause is still there but no more serious than this (quality RED, then YELLOW): the severity
     * follows it down. Not a repeat: the count and any acknowledgement stand.
     */
    public void reassess(AlertSeverity newSeverity, String newMessage, Map<String, String> newDetails, Instant now) {
        requireUnresolved();
        severity = newSeverity;
        message = newMessage;
        details = Map.copyOf(newDetails);
        lastRaisedAt = now;
    }

    /** A person has seen it. Acknowledging twice changes nothing; a resolved alert needs no acknowledgement. */
    public boolean acknowledge(String username, Instant now) {
        Objects.requireNonNull(username, "username");
        if (state != AlertState.OPEN) {
            return false;
        }
        state = AlertState.ACKNOWLEDGED;
        acknowledgedBy = username;
        acknowledgedAt = now;
        return true;
    }

    /** The cause cleared by itself. */
    public boolean resolve(Instant now) {
        if (state == AlertState.RESOLVED) {
            return false;
        }
        state = AlertState.RESOLVED;
        resolvedAt = now;
        return true;
    }

    public AlertSnapshot snapshot() {
        return new AlertSnapshot(id, organizationId, type, severity, subject, message, details, state, count,
                createdAt, lastRaisedAt, Optional.ofNullable(acknowledgedBy), Optional.ofNullable(acknowledgedAt),
                Optional.ofNullable(resolvedAt), revision);
    }

    public AlertId id() {
        return id;
    }

    public AlertType type() {
        return type;
    }

    public AlertSubject subject() {
        return subject;
    }

    public AlertState state() {
        return state;
    }

    public OrganizationId organizationId() {
        return organizationId;
    }

    public long revision() {
        return revision;
    }

    private void requireUnresolved() {
        if (state == AlertState.RESOLVED) {
            throw new IllegalStateException("alert " + id + " is resolved; raise a new one");
        }
    }
}
