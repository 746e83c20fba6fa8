package dev.warden.adapters.web.problem;

import dev.warden.domain.shared.InvalidValue;

/** A query or path parameter the client sent is wrong: a 400 whose problem names the parameter. */
public final class InvalidParameter extends InvalidValue {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameter(String parameter, InvalidValue refusal) {
        super(refusal.getMessage(), refusal);
        this.parameter = parameter;
    }

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
