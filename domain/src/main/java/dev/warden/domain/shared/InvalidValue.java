package dev.warden.domain.shared;

/**
 * A value object refused a value: the message names the field, the value and the rule. The one kind of
 * {@link IllegalArgumentException} that means "the caller sent something wrong"; any other is a defect.
 */
public class InvalidValue extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValue(String message) {
        super(message);
    }

    public InvalidValue(String message, Throwable cause) {
        super(message, cause);
    }
}
