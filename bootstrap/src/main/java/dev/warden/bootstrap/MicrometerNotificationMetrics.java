package dev.warden.bootstrap;

import dev.warden.application.port.out.NotificationMetrics;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code warden_notifications_total{channel,outcome}}: notification tries by channel and by what
 * they left the notification (sent, retrying, failed, dead). Every series exists from the start at zero.
 */
@Singleton
final class MicrometerNotificationMetrics implements NotificationMetrics {

    private static final List<NotificationStatus> OUTCOMES = List.of(NotificationStatus.SENT,
            NotificationStatus.RETRYING, NotificationStatus.FAILED, NotificationStatus.DEAD);

    private final Map<ChannelKind, Map<NotificationStatus, Counter>> counters = new EnumMap<>(ChannelKind.class);

    MicrometerNotificationMetrics(MeterRegistry registry) {
        for (ChannelKind channel : ChannelKind.values()) {
            Map<NotificationStatus, Counter> byOutcome = new EnumMap<>(NotificationStatus.class);
            for (NotificationStatus outcome : OUTCOMES) {
                byOutcome.put(outcome, Counter.builder("warden.notifications")
                        .description("Notification tries, by channel and by what they left the notification")
                        .tag("channel", tag(channel)).tag("outcome", tag(outcome)).register(registry));
            }
            counters.put(channel, byOutcome);
        }
    }

    @Override
    public void tried(ChannelKind channel, NotificationStatus status) {
        Counter counter = counters.get(channel).get(status);
        if (counter != null) {
            counter.increment();
        }
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
