package dev.warden.domain.sending;

/**
 * Where a send accepted by the provider is, as Meta's status webhooks report it. A send moves forward
 * only: {@link #READ} implies it was delivered, and a delivered or read send is not shown as failed by a
 * late or contradictory report.
 */
public enum DeliveryState {
    /** Accepted by the provider; nothing more reported yet (Meta's {@code sent}). */
    SENT,
    /** The provider could not deliver it after accepting it (Meta's {@code failed}). */
    FAILED,
    DELIVERED,
    READ
}
