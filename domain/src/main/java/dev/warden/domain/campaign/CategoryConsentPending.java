package dev.warden.domain.campaign;

import dev.warden.domain.shared.DomainException;
import dev.warden.domain.template.TemplateId;

/** A campaign cannot start while Meta's recategorisation of its template waits for a person's consent. */
public class CategoryConsentPending extends DomainException {

    private static final long serialVersionUID = 1L;

    public CategoryConsentPending(TemplateId templateId) {
        super("Meta recategorised template " + templateId + " and nobody has consented yet; acknowledge its "
                + "CATEGORY_CHANGED alert before starting a campaign that sends it");
    }
}
