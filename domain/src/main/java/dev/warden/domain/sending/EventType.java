package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;

/**
 * A business event another backend reports (ORDER_CREATED, ...): any UPPER_SNAKE name an organisation
 * maps to a template. The four of {@link #WELL_KNOWN} are the ones the issue names; others are as good.
 */
public record EventType(String value) {

    public static final int MAX_LENGTH = 64;
    public static final java.util.List<String> WELL_KNOWN = java.util.List.of("ORDER_CREATED",
            "SUBSCRIPTION_CREATED", "DELIVERY_COMPLETED", "PAYMENT_RECORDED");

    public EventType {
        if (value == null || !value.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*") || value.length() > MAX_LENGTH) {
            throw new InvalidValue("event type must be UPPER_SNAKE_CASE (letters, digits, single underscores), at most "
                    + MAX_LENGTH + " characters, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
