package dev.warden.application.service;

import dev.warden.application.port.in.ValidateParametersCommand;
import dev.warden.application.port.in.ValidateParametersUseCase;
import dev.warden.domain.template.parameter.ParameterReport;
import dev.warden.domain.template.parameter.TemplateParameters;

/** Use case implementation: check a text and its examples against Meta's rules for its component. */
public final class ValidateParametersService implements ValidateParametersUseCase {

    @Override
    public ParameterReport validateParameters(ValidateParametersCommand command) {
        return TemplateParameters.validate(command.text(), command.format(), command.role(), command.examples());
    }
}
