package dev.warden.adapters.web.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A request body a controller read and refused, with every field at fault so a person fixes them in one go. */
public class InvalidRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super(errors.stream().map(FieldError::getMessage).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
