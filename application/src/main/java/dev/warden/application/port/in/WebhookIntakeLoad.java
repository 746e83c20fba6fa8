package dev.warden.application.port.in;

/**
 * Query: how many webhook POSTs are being stored right now. While any is, inbox workers that are behind
 * give way and those that keep up take turns to claim, so that acknowledging Meta keeps priority over
 * applying what it sent.
 */
public interface WebhookIntakeLoad {

    int inFlight();
}
