package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.ListTemplateVersionsUseCase;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersion;
import dev.warden.domain.template.version.TemplateVersionRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Use case implementation: a template's versions, newest first (a template has tens of versions, not thousands). */
public final class ListTemplateVersionsService implements ListTemplateVersionsUseCase {

    private final TemplateRepository templates;
    private final TemplateVersionRepository versions;
    private final UnitOfWork unitOfWork;

    public ListTemplateVersionsService(TemplateRepository templates, TemplateVersionRepository versions,
                                       UnitOfWork unitOfWork) {
        this.templates = templates;
        this.versions = versions;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<TemplateVersion> listVersions(Actor actor, Optional<OrganizationId> requested, TemplateId templateId,
                                              PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            OrganizationId scope = Scopes.of(actor, requested, () -> templates.ownerOf(templateId),
                    () -> new TemplateNotFound(templateId));
            templates.findById(scope, templateId).orElseThrow(() -> new TemplateNotFound(templateId));
            List<TemplateVersion> newestFirst = new ArrayList<>(versions.list(scope, templateId));
            Collections.reverse(newestFirst);
            return Page.of(newestFirst, page);
        });
    }
}
