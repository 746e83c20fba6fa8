package dev.warden.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), Map.of(ChannelKind.EMAIL, 5),
                () -> random);
    }

    @Test
    void the_wait_grows_exponentially_up_to_the_cap_with_full_jitter() {
        RetryPolicy longest = policy(0.999_999);
        assertThat(Duration.between(NOW, longest.nextAttemptAt(1, NOW, Duration.ZERO))).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(NOW, longest.nextAttemptAt(3, NOW, Duration.ZERO))).isBetween(
                Duration.ofMillis(3900), Duration.ofSeconds(4));
        assertThat(Duration.between(NOW, longest.nextAttemptAt(40, NOW, Duration.ZERO))).isLessThanOrEqualTo(
                Duration.ofSeconds(60));
        assertThat(policy(0).nextAttemptAt(3, NOW, Duration.ZERO)).as("jitter reaches zero").isEqualTo(NOW);
    }

    @Test
    void a_providers_retry_after_is_a_floor_up_to_five_minutes() {
        assertThat(policy(0).nextAttemptAt(1, NOW, Duration.ofSeconds(30))).isEqualTo(NOW.plusSeconds(30));
        assertThat(policy(0).nextAttemptAt(1, NOW, Duration.ofDays(2))).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void max_attempts_per_kind_default_to_three() {
        assertThat(policy(0).maxAttempts(ChannelKind.EMAIL)).isEqualTo(5);
        assertThat(policy(0).maxAttempts(ChannelKind.SLACK)).isEqualTo(RetryPolicy.DEFAULT_MAX_ATTEMPTS).isEqualTo(3);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Map.of(ChannelKind.SLACK, 0), () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_try_leads_to_sent_failed_retrying_or_dead_once_attempts_are_spent() {
        Notification second = new Notification(UUID.randomUUID(), dev.warden.domain.shared.OrganizationId.random(),
                Optional.empty(), "k", ChannelKind.EMAIL, "a@b.co", new NotificationMessage(
                dev.warden.domain.alert.AlertSeverity.HIGH, "t", "x", Map.of(), "/"), NotificationStatus.SENDING,
                2, 3, NOW, NOW, Optional.empty(), Optional.empty(), java.util.List.of());
        assertThat(second.after(DeliveryOutcome.sent("id"))).isEqualTo(NotificationStatus.SENT);
        assertThat(second.after(DeliveryOutcome.permanent("no"))).isEqualTo(NotificationStatus.FAILED);
        assertThat(second.after(DeliveryOutcome.retryable("later"))).isEqualTo(NotificationStatus.RETRYING);
        Notification third = new Notification(second.id(), second.organizationId(), Optional.empty(), "k",
                ChannelKind.EMAIL, "a@b.co", second.message(), NotificationStatus.SENDING, 3, 3, NOW, NOW,
                Optional.empty(), Optional.empty(), java.util.List.of());
        assertThat(third.after(DeliveryOutcome.retryable("later"))).isEqualTo(NotificationStatus.DEAD);
    }
}
