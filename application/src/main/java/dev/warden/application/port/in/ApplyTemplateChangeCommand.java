package dev.warden.application.port.in;

import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ReportedChange;
import java.util.Objects;

/** A change Meta reported about a template of an organisation, already routed and translated. */
public record ApplyTemplateChangeCommand(OrganizationId organizationId, TemplateMention template,
                                         ReportedChange change) {

    public ApplyTemplateChangeCommand {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(change, "change");
    }
}
