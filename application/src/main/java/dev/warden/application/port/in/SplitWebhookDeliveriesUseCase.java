package dev.warden.application.port.in;

/** Use case: split the next stored deliveries into their changes; false when none is waiting. */
public interface SplitWebhookDeliveriesUseCase {

    boolean splitNext();
}
