package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.DomainException;

/** Meta keeps one template per name and language in a WABA (error 2388023); Warden refuses the second early. */
public class TemplateNameTaken extends DomainException {

    private static final long serialVersionUID = 1L;

    public TemplateNameTaken(WabaId wabaId, TemplateName name, LanguageCode language, TemplateId existing) {
        super("WABA " + wabaId.value() + " already has a template '" + name + "' in " + language + " (template "
                + existing + "); choose another name or edit that template");
    }
}
