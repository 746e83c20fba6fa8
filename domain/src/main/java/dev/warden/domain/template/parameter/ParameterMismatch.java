package dev.warden.domain.template.parameter;

import dev.warden.domain.shared.DomainException;
import java.util.List;

/** A send's values do not fit the template's variables; refused before anything reaches Meta. */
public class ParameterMismatch extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ParameterMismatch(List<String> problems) {
        super("parameters do not match the template: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
