package dev.warden.domain.template;

import dev.warden.domain.shared.DomainException;

/** Only APPROVED templates can be sent; the message names the status that refuses. */
public class TemplateNotSendable extends DomainException {

    private static final long serialVersionUID = 1L;

    private final TemplateStatus status;

    public TemplateNotSendable(TemplateId templateId, TemplateStatus status) {
        super("template " + templateId + " is " + status + " and cannot be sent; only APPROVED templates can");
        this.status = status;
    }

    public TemplateStatus status() {
        return status;
    }
}
