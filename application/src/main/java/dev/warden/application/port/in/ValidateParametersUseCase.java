package dev.warden.application.port.in;

import dev.warden.domain.template.parameter.ParameterReport;

/** Query: every rule of Meta's a component's text and examples break. */
public interface ValidateParametersUseCase {

    ParameterReport validateParameters(ValidateParametersCommand command);
}
