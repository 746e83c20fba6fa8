package dev.warden.domain.alert;

/** OPEN until a person acknowledges it or its cause clears (RESOLVED). */
public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED
}
