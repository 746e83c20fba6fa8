package dev.warden.domain.sending;

import dev.warden.domain.shared.DomainException;

/** A send refused before any provider call: a block list says no, or the customer-service window is closed. */
public class SendRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public SendRefused(String message) {
        super(message);
    }

    public static SendRefused blocked(SendBlock block) {
        return new SendRefused("not sent: " + block.describe());
    }

    public static SendRefused windowClosed(String contact) {
        return new SendRefused("not sent: the 24-hour customer-service window with " + contact + " is closed (the"
                + " customer has not written in the last 24 hours); outside it only template messages may be sent");
    }
}
