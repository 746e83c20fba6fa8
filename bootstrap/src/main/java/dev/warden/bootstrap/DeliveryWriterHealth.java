package dev.warden.bootstrap;

import dev.warden.adapters.persistence.GroupCommitDeliveryStore;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Health: DOWN while the webhook delivery writer is not committing, because then every delivery
 * from Meta is answered 503 until Warden restarts. The writer survives any failure of one group,
 * so this is the case nothing inside the process can repair.
 */
@Singleton
final class DeliveryWriterHealth implements HealthIndicator {

    static final String NAME = "webhook-delivery-writer";

    private final GroupCommitDeliveryStore deliveries;

    DeliveryWriterHealth(GroupCommitDeliveryStore deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean writing = deliveries.isWriting();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("writing", writing);
        Throwable stoppedBy = deliveries.stoppedBy();
        if (stoppedBy != null) {
            details.put("stoppedBy", stoppedBy.getClass().getName());
        }
        return Publishers.just(HealthResult.builder(NAME, writing ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
