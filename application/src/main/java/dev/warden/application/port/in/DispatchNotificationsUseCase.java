package dev.warden.application.port.in;

/** Sends the next due notifications from the outbox; run by the notification workers. */
public interface DispatchNotificationsUseCase {

    /** @return how many notifications were claimed (0: nothing was due) */
    int dispatchNext();
}
