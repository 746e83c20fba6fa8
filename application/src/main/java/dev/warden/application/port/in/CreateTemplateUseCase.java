package dev.warden.application.port.in;

import dev.warden.domain.template.TemplateSnapshot;

/** Use case: write a new template in Warden as a DRAFT, version 1, checked against Meta's rules. */
public interface CreateTemplateUseCase {

    TemplateSnapshot createTemplate(Actor actor, CreateTemplateCommand command);
}
