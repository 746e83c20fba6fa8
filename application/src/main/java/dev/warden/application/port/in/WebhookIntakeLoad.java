package dev.warden.application.port.in;

/**
 * Query: how many webhook POSTs are being stored right now. The inbox workers give way while any
 * is, so that acknowledging Meta keeps priority over applying what it sent.
 */
public interface WebhookIntakeLoad {

    int inFlight();
}
