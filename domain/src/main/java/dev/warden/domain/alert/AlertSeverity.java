package dev.warden.domain.alert;

/** How urgent an alert is, lowest first. */
public enum AlertSeverity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public AlertSeverity atLeast(AlertSeverity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
