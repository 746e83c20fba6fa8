package dev.warden.domain.notification;

/** The ways Warden reaches people. */
public enum ChannelKind {
    EMAIL, SLACK, WHATSAPP
}
