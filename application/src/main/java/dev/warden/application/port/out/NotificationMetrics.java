package dev.warden.application.port.out;

import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationStatus;

/**
 * Counts how notification tries end, per channel, for operators watching Warden (metrics). Told
 * only about tries whose outcome was recorded, so a try whose claim was lost is not counted twice.
 */
public interface NotificationMetrics {

    /** One try on {@code channel} left its notification {@code status} (SENT, RETRYING, FAILED or DEAD). */
    void tried(ChannelKind channel, NotificationStatus status);
}
