package dev.warden.application.port.in;

/** Use case: forget webhook changes settled longer ago than the retention; returns how many went. */
public interface PurgeWebhookInboxUseCase {

    int purge();
}
