package dev.warden.domain.template.parameter;

import dev.warden.domain.shared.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** A send's values do not fit the template's variables; refused before anything reaches Meta. */
public class ParameterMismatch extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValueProblem> problems;

    public ParameterMismatch(List<ValueProblem> problems) {
        super("parameters do not match the template: "
                + problems.stream().map(ValueProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ValueProblem> problems() {
        return problems;
    }
}
