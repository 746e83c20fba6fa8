package dev.warden.domain.template;

/** Why Meta rejected a template: its reason code and, for INVALID_FORMAT, its recommendation. */
public record Rejection(String reason, String recommendation) {
}
