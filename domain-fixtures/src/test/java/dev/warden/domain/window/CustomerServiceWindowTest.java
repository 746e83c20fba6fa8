package dev.warden.domain.window;

import static dev.warden.domain.fixtures.TemplateFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.shared.OrganizationId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CustomerServiceWindowTest {

    private final ConversationKey key = new ConversationKey(OrganizationId.random(), "106540352242922", "16505551234");

    @Test
    void an_inbound_message_opens_the_window_for_twenty_four_hours() {
        CustomerServiceWindow window = CustomerServiceWindow.openedBy(key, T0);

        assertThat(window.isOpenAt(T0.plus(Duration.ofHours(23)))).isTrue();
        assertThat(window.isOpenAt(T0.plus(Duration.ofHours(24)))).isFalse();
        assertThat(window.refreshedBy(T0.plus(Duration.ofHours(20))).isOpenAt(T0.plus(Duration.ofHours(30)))).isTrue();
    }

    @Test
    void a_re_engagement_failure_closes_it_until_the_customer_writes_again() {
        CustomerServiceWindow closed = CustomerServiceWindow.openedBy(key, T0).closedByReEngagementFailure(T0.plusSeconds(60));

        assertThat(closed.isOpenAt(T0.plusSeconds(61))).isFalse();
        assertThat(closed.refreshedBy(T0.plusSeconds(120)).isOpenAt(T0.plusSeconds(121))).isTrue();
    }

    @Test
    void late_deliveries_do_not_move_the_window_backwards() {
        CustomerServiceWindow window = CustomerServiceWindow.openedBy(key, T0.plusSeconds(100));

        assertThat(window.refreshedBy(T0)).isEqualTo(window);
        assertThat(window.closedByReEngagementFailure(T0)).isEqualTo(window);
    }
}
