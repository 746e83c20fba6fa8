package dev.warden.adapters.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

    private final WebhookIntake intake = new WebhookIntake();

    @Test
    void admits_deliveries_until_closed_and_refuses_every_one_after() {
        assertThat(intake.open()).isTrue();
        assertThat(intake.admit()).isTrue();
        intake.done();

        intake.close();

        assertThat(intake.open()).isFalse();
        assertThat(intake.admit()).isFalse();
    }

    @Test
    void the_stop_waits_for_the_deliveries_admitted_before_it_closed() throws Exception {
        assertThat(intake.admit()).isTrue();
        intake.close();
        CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(() -> {
            try {
                return intake.awaitAnswered(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });

        intake.done();

        assertThat(answered.get(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void a_delivery_still_being_stored_when_the_limit_passes_is_reported() throws Exception {
        assertThat(intake.admit()).isTrue();
        intake.close();

        assertThat(intake.awaitAnswered(Duration.ZERO)).isFalse();
    }

    @Test
    void nothing_admitted_is_answered_at_once() throws Exception {
        intake.close();

        assertThat(intake.awaitAnswered(Duration.ZERO)).isTrue();
    }
}
