package dev.warden.domain.template;

import dev.warden.domain.shared.DomainException;

/** A template that cannot be deleted in Warden: Meta knows it, or campaigns use it. */
public class TemplateDeletionRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public TemplateDeletionRefused(TemplateId id, String reason) {
        super("template " + id + " cannot be deleted: " + reason);
    }
}
