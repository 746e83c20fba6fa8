package dev.warden.application.port.in;

/** Use case: split the next stored delivery into its changes; false when none is waiting. */
public interface SplitWebhookDeliveriesUseCase {

    boolean splitNext();
}
