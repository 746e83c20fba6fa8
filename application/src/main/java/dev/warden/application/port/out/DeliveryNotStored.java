package dev.warden.application.port.out;

/**
 * A {@link DeliveryStore} could not commit a delivery (the database is unavailable, the writer
 * stopped or is overloaded): nothing of it is stored, and the request should fail so Meta retries.
 */
public class DeliveryNotStored extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotStored(String message, Throwable cause) {
        super(message, cause);
    }
}
