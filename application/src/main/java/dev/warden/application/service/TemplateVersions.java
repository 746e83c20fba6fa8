package dev.warden.application.service;

import dev.warden.domain.shared.NotFound;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateHistory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;

/** Reads one version, and stores what an edit or rollback produced: the template, its new version and the history line. */
final class TemplateVersions {

    private TemplateVersions() {
    }

    static TemplateVersion find(TemplateVersionRepository versions, OrganizationId organizationId,
                                TemplateId templateId, int number) {
        return versions.find(organizationId, templateId, number)
                .orElseThrow(() -> new NotFound("version", "v" + number + " of template " + templateId));
    }

    static TemplateVersion store(ChangeOutcome outcome, MessageTemplate template, TemplateRepository templates,
                                 TemplateVersionRepository versions, TemplateHistory history) {
        if (outcome.newVersion().isEmpty()) {
            return versions.list(template.organizationId(), template.id()).stream()
                    .reduce((first, second) -> second).orElseThrow();
        }
        templates.update(template);
        versions.append(outcome.newVersion().get());
        outcome.history().forEach(history::append);
        return outcome.newVersion().get();
    }
}
