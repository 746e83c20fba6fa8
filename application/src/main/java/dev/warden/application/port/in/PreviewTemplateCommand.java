package dev.warden.application.port.in;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values to fill a template's current version with, keyed by variable name ("1", "2" when positional);
 * {@code buttons} holds a URL button's value by the button's index.
 */
public record PreviewTemplateCommand(Optional<OrganizationId> organizationId, TemplateId templateId,
                                     Map<String, String> header, Map<String, String> body,
                                     Map<Integer, String> buttons) {

    public PreviewTemplateCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        header = Map.copyOf(header);
        body = Map.copyOf(body);
        buttons = Map.copyOf(buttons);
    }
}
