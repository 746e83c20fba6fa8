package dev.warden.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Committed events reach their listeners even when one listener fails on one of them. */
class MicronautEventPublisherTest {

    private record Happened(int n) implements DomainEvent {

        @Override
        public OrganizationId organizationId() {
            return null;
        }

        @Override
        public Instant at() {
            return Instant.EPOCH;
        }
    }

    @Test
    void a_listener_failing_on_one_event_neither_stops_the_others_nor_reaches_the_caller() {
        List<DomainEvent> heard = new ArrayList<>();
        MicronautEventPublisher publisher = new MicronautEventPublisher(event -> {
            if (((Happened) event).n() == 2) {
                throw new IllegalStateException("a live view's socket broke");
            }
            heard.add(event);
        });

        publisher.publish(List.of(new Happened(1), new Happened(2), new Happened(3)));

        assertThat(heard).containsExactly(new Happened(1), new Happened(3));
    }
}
