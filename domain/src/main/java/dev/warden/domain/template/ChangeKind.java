package dev.warden.domain.template;

/**
 * The independent streams of change Meta reports about a template. Staleness is judged per kind:
 * a late status change still applies after a newer quality change.
 */
public enum ChangeKind {
    STATUS, QUALITY, CATEGORY, CONTENT
}
