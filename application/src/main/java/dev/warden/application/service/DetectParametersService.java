package dev.warden.application.service;

import dev.warden.application.port.in.DetectParametersUseCase;
import dev.warden.domain.template.parameter.ParameterReport;
import dev.warden.domain.template.parameter.TemplateParameters;

/** Use case implementation: detect a text's variables and their format. */
public final class DetectParametersService implements DetectParametersUseCase {

    @Override
    public ParameterReport detectParameters(String text) {
        return TemplateParameters.detect(text);
    }
}
