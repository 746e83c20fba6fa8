package dev.warden.domain.template;

/**
 * The independent streams of change Meta reports about a template. Staleness is judged per kind:
 * a late status change still applies after a newer quality change. MARKER is the clock of the
 * flag that FLAGGED sets and REINSTATED clears, kept apart so a marker never makes an older real
 * status change look stale.
 */
public enum ChangeKind {
    STATUS, QUALITY, CATEGORY, CONTENT, MARKER
}
