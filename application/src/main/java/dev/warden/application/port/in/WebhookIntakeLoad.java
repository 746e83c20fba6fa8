package dev.warden.application.port.in;

/**
 * Query: how many webhook POSTs are being stored right now. While any is and the inbox workers are
 * behind, they give way, so that acknowledging Meta keeps priority over applying what it sent.
 */
public interface WebhookIntakeLoad {

    int inFlight();
}
