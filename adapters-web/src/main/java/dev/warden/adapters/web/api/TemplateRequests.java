package dev.warden.adapters.web.api;

import dev.warden.application.port.in.CreateTemplateCommand;
import dev.warden.application.port.in.EditTemplateCommand;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the bodies of POST /api/v1/templates and PUT /api/v1/templates/{id}: every fault of the body is
 * reported at once, each at its field; the components' paths stay known for the domain's verdict.
 */
final class TemplateRequests {

    /** A command read from a body, and the components it came from. */
    record Read<C>(C command, TemplateComponents components) {
    }

    private static final int NOTE_MAX = 500;

    private TemplateRequests() {
    }

    static Read<CreateTemplateCommand> create(Map<String, Object> body, Optional<OrganizationId> organizationId) {
        JsonFields json = new JsonFields();
        Optional<WabaId> wabaId = json.parse(json.text(body, "wabaId", "wabaId"), "wabaId", v -> new WabaId(v.strip()));
        Optional<TemplateName> name = json.parse(json.requiredText(body, "name", "name"), "name", TemplateName::new);
        Optional<LanguageCode> language = json.parse(json.requiredText(body, "language", "language"), "language",
                LanguageCode::new);
        Optional<TemplateCategory> category = json.parse(json.requiredText(body, "category", "category"),
                "category", TemplateCategory::parse);
        ParameterFormat format = format(body, json);
        TemplateComponents components = TemplateComponents.read(body.get("components"), json);
        Optional<TemplateContent> content = components.content(format);
        json.requireValid();
        return new Read<>(new CreateTemplateCommand(organizationId, wabaId, name.orElseThrow(),
                language.orElseThrow(), category.orElseThrow(), content.orElseThrow()), components);
    }

    /**
     * PUT replaces the components wholesale, as Meta's edit does. Name and language never change (Meta keys
     * a template by them), so a body naming others is refused rather than silently ignored.
     */
    static Read<EditTemplateCommand> edit(Map<String, Object> body, Optional<OrganizationId> organizationId,
                                          TemplateId templateId, TemplateName name, LanguageCode language) {
        JsonFields json = new JsonFields();
        json.parse(json.text(body, "name", "name"), "name", TemplateName::new).filter(n -> !n.equals(name))
                .ifPresent(n -> json.error("name", "NOT_EDITABLE", "a template's name cannot change; it is '"
                        + name + "'"));
        json.parse(json.text(body, "language", "language"), "language", LanguageCode::new)
                .filter(l -> !l.equals(language)).ifPresent(l -> json.error("language", "NOT_EDITABLE",
                        "a template's language cannot change; it is '" + language + "'"));
        Optional<TemplateCategory> category = json.parse(json.text(body, "category", "category"), "category",
                TemplateCategory::parse);
        ParameterFormat format = format(body, json);
        Optional<String> note = json.text(body, "note", "note");
        if (note.filter(n -> n.length() > NOTE_MAX).isPresent()) {
            json.error("note", "TOO_LONG", "must be at most " + NOTE_MAX + " characters");
        }
        TemplateComponents components = TemplateComponents.read(body.get("components"), json);
        Optional<TemplateContent> content = components.content(format);
        json.requireValid();
        return new Read<>(new EditTemplateCommand(organizationId, templateId, content.orElseThrow(), category,
                note.orElse(null)), components);
    }

    private static ParameterFormat format(Map<String, Object> body, JsonFields json) {
        return json.parse(json.text(body, "parameterFormat", "parameterFormat"), "parameterFormat",
                ParameterFormat::parse).orElse(ParameterFormat.POSITIONAL);
    }
}
