package dev.warden.application.port.in;

import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.TextRole;
import java.util.Map;
import java.util.Objects;

/** A component's text with the format it claims and its example values, to check before writing a template. */
public record ValidateParametersCommand(String text, ParameterFormat format, TextRole role,
                                        Map<String, String> examples) {

    public ValidateParametersCommand {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(role, "role");
        examples = Map.copyOf(examples);
    }
}
