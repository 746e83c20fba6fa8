package dev.warden.application.port.in;

/** Use case: forget notifications sent longer ago than the retention; returns how many went. */
public interface PurgeNotificationsUseCase {

    int purge();
}
