package dev.warden.domain.template;

import dev.warden.domain.shared.DomainException;

/** A template that cannot be submitted to Meta for review: only a draft Meta has not seen can. */
public class SubmissionRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public SubmissionRefused(TemplateId templateId, String reason) {
        super("template " + templateId + " cannot be submitted to Meta: " + reason);
    }
}
