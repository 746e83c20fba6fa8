package dev.warden.application.port.in;

import dev.warden.domain.template.parameter.ParameterReport;

/** Query: which variables a text holds, in which format, and what Meta would say about them. */
public interface DetectParametersUseCase {

    ParameterReport detectParameters(String text);
}
