package dev.warden.application.port.in;

import dev.warden.domain.template.version.TemplateVersion;

/** Use case: change a template's content (and category where Meta allows) as a new version. */
public interface EditTemplateUseCase {

    TemplateVersion editTemplate(Actor actor, EditTemplateCommand command);
}
