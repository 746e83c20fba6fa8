package dev.warden.application.port.in;

/** Use case: route, translate and apply the next due change of the inbox; false when none is due. */
public interface ProcessWebhookChangeUseCase {

    boolean processNext();
}
