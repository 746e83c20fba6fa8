package dev.warden.domain.template.content;

import dev.warden.domain.shared.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** Content that Meta would reject; carries every violation so a person can fix them in one go. */
public class InvalidTemplateContent extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<ContentViolation> violations;

    public InvalidTemplateContent(List<ContentViolation> violations) {
        super("template content is invalid: "
                + violations.stream().map(ContentViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<ContentViolation> violations() {
        return violations;
    }
}
