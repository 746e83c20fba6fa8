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

    /** For refusals that say more than the status, e.g. why a fallback could not stand in either. */
    protected TemplateNotSendable(TemplateStatus status, String message) {
        super(message);
        this.status = status;
    }

    public TemplateStatus status() {
        return status;
    }
}
