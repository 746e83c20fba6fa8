package dev.warden.adapters.web.api;

import dev.warden.adapters.web.security.Actors;
import dev.warden.application.port.in.DetectParametersUseCase;
import dev.warden.application.port.in.PreviewTemplateCommand;
import dev.warden.application.port.in.PreviewTemplateUseCase;
import dev.warden.application.port.in.ValidateParametersCommand;
import dev.warden.application.port.in.ValidateParametersUseCase;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.parameter.ParameterFormat;
import dev.warden.domain.template.parameter.TemplateText;
import dev.warden.domain.template.parameter.TextRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Web adapter: template variables: detect and validate a text, preview a template with values. Reads only. */
@Controller("/api/v1/templates")
@Secured({"SUPER_ADMIN", "ORG_ADMIN", "VIEWER"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateParametersController {

    private final DetectParametersUseCase detectParameters;
    private final ValidateParametersUseCase validateParameters;
    private final PreviewTemplateUseCase previewTemplate;

    TemplateParametersController(DetectParametersUseCase detectParameters,
                                 ValidateParametersUseCase validateParameters, PreviewTemplateUseCase previewTemplate) {
        this.detectParameters = detectParameters;
        this.validateParameters = validateParameters;
        this.previewTemplate = previewTemplate;
    }

    /** Body {@code {"text": "..."}}. */
    @Post("/parameters/detect")
    @Operation(operationId = "detectParameters")
    ParameterReportResponse detect(@Body Map<String, Object> body) {
        JsonFields json = new JsonFields();
        Optional<String> text = json.requiredText(body, "text", "text");
        json.requireValid();
        return ParameterReportResponse.from(detectParameters.detectParameters(text.orElseThrow()));
    }

    /** Body {@code {"text", "parameterFormat" (default: as detected), "component" (default BODY), "examples"}}. */
    @Post("/parameters/validate")
    @Operation(operationId = "validateParameters")
    ParameterReportResponse validate(@Body Map<String, Object> body) {
        JsonFields json = new JsonFields();
        Optional<String> text = json.requiredText(body, "text", "text");
        Optional<ParameterFormat> format = json.parse(json.text(body, "parameterFormat", "parameterFormat"),
                "parameterFormat", ParameterFormat::parse);
        TextRole role = json.parse(json.text(body, "component", "component"), "component",
                TemplateParametersController::role).orElse(TextRole.BODY);
        Map<String, String> examples = json.texts(body, "examples", "examples");
        json.requireValid();
        ParameterFormat claimed = format.or(() -> TemplateText.parse(text.orElseThrow()).detectFormat())
                .orElse(ParameterFormat.POSITIONAL);
        return ParameterReportResponse.from(validateParameters.validateParameters(
                new ValidateParametersCommand(text.orElseThrow(), claimed, role, examples)));
    }

    /** Body {@code {"header": {name: value}, "body": {name: value}, "buttons": {index: value}}}; every value text. */
    @Post("/{id}/preview")
    @Operation(operationId = "previewTemplate")
    RenderedResponse preview(@PathVariable String id, @Body Map<String, Object> body,
                             @Nullable @QueryValue String organizationId, Authentication authentication) {
        JsonFields json = new JsonFields();
        Map<String, String> header = json.texts(body, "header", "header");
        Map<String, String> values = json.texts(body, "body", "body");
        Map<Integer, String> buttons = new LinkedHashMap<>();
        json.texts(body, "buttons", "buttons").forEach((index, value) -> json.parse(Optional.of(index),
                "buttons." + index, TemplateParametersController::buttonIndex).ifPresent(i -> buttons.put(i, value)));
        json.requireValid();
        return RenderedResponse.from(previewTemplate.previewTemplate(Actors.of(authentication),
                new PreviewTemplateCommand(QueryValues.organization(organizationId), TemplateId.parse(id), header,
                        values, buttons)));
    }

    private static TextRole role(String value) {
        return Arrays.stream(TextRole.values()).filter(r -> r.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidValue("component must be one of "
                        + Arrays.toString(TextRole.values()) + ", was '" + value + "'"));
    }

    private static int buttonIndex(String value) {
        if (!value.matches("[0-9]{1,2}")) {
            throw new InvalidValue("a button is named by its index, 0 to 9, was '" + value
                    + "'");
        }
        return Integer.parseInt(value);
    }
}
