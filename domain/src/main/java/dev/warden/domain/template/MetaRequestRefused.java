package dev.warden.domain.template;

import dev.warden.domain.shared.DomainException;

/** A request Meta would refuse in the template's state (ADR 0012); Meta is not asked. */
public class MetaRequestRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public MetaRequestRefused(TemplateId templateId, MetaRequest request, String reason) {
        super("template " + templateId + " cannot be " + switch (request) {
            case DELETE -> "deleted";
            case UNPAUSE -> "unpaused";
            case UNARCHIVE -> "unarchived";
        } + ": " + reason);
    }
}
