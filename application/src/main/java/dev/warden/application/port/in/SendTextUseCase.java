package dev.warden.application.port.in;

/**
 * Incoming port: a free-form text to a customer, queued in the outbox only while the 24-hour
 * customer-service window with that customer is open.
 */
public interface SendTextUseCase {

    /** @throws dev.warden.domain.sending.SendRefused when the window is closed, or the WABA is stopped */
    SendAccepted send(Actor actor, SendTextCommand command);
}
