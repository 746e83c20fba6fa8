package dev.warden.domain.template.version;

import dev.warden.domain.shared.DomainException;
import dev.warden.domain.template.TemplateId;

/** An edit Meta would refuse: wrong status, a limit reached, or a category that cannot change. */
public class EditRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public EditRefused(TemplateId templateId, String reason) {
        super("template " + templateId + " cannot be edited: " + reason);
    }
}
