package dev.warden.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final int MAX_TRACKED = 100;

    private final LoginThrottle throttle = new LoginThrottle(3, 5, MAX_TRACKED);

    @Test
    void a_client_that_keeps_guessing_stays_refused_while_a_flood_of_new_clients_passes_through_the_bounded_table() {
        fail("10.0.0.1", "root", 3);
        for (int i = 0; i < 50 * MAX_TRACKED; i++) {
            fail("10.1." + (i / 250) + "." + (i % 250), "user" + i, 1);
            if (i % 20 == 0) {
                assertThatThrownBy(() -> throttle.begin("10.0.0.1", "guess" + 1))
                        .as("still refused after %d other clients", i).isInstanceOf(TooManyFailedLogins.class);
            }
            assertThat(throttle.tracked()).isLessThanOrEqualTo(MAX_TRACKED);
        }
    }

    @Test
    void a_successful_login_costs_nothing() {
        for (int i = 0; i < 10; i++) {
            throttle.begin("10.0.0.2", "alice").refund();
        }
        fail("10.0.0.2", "alice", 2);
        throttle.begin("10.0.0.2", "alice").refund();
    }

    @Test
    void a_username_is_limited_across_addresses_and_a_refused_attempt_costs_the_address_nothing() {
        for (int i = 0; i < 5; i++) {
            fail("10.0.1." + i, "bob", 1);
        }
        assertThatThrownBy(() -> throttle.begin("10.0.2.1", "BOB "))
                .isInstanceOf(TooManyFailedLogins.class).hasMessageContaining("username");
        assertThatThrownBy(() -> throttle.begin("10.0.2.1", "bob")).isInstanceOf(TooManyFailedLogins.class);
        assertThatThrownBy(() -> throttle.begin("10.0.2.1", "bob")).isInstanceOf(TooManyFailedLogins.class);

        fail("10.0.2.1", "carol", 3);   // the address still had its whole budget
        assertThatThrownBy(() -> throttle.begin("10.0.2.1", "dave"))
                .isInstanceOf(TooManyFailedLogins.class).hasMessageContaining("address");
    }

    @Test
    void names_that_cannot_be_an_account_are_limited_by_address_only() {
        String huge = "x".repeat(10_000);
        fail("10.0.3.1", huge, 3);
        assertThatThrownBy(() -> throttle.begin("10.0.3.1", huge)).isInstanceOf(TooManyFailedLogins.class)
                .hasMessageContaining("address");
        throttle.begin("10.0.3.2", huge).refund();
    }

    private void fail(String address, String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.begin(address, username);
        }
    }
}
