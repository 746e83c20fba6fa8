package dev.warden.application.port.in;

import dev.warden.domain.shared.NotFound;
import dev.warden.domain.template.TemplateId;

/** No such template in the asking organisation (templates of other organisations are not found either). */
public class TemplateNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public TemplateNotFound(TemplateId id) {
        super("template", id);
    }
}
