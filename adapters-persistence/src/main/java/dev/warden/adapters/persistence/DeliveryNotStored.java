package dev.warden.adapters.persistence;

/** A webhook delivery could not be committed; the request fails (Meta retries), nothing is half-stored. */
public class DeliveryNotStored extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotStored(String message, Throwable cause) {
        super(message, cause);
    }
}
