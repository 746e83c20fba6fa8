package dev.warden.application.port.in;

import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateSnapshot;

/** Query: templates matching a filter; the filter's organisation is narrowed to what the actor may see. */
public interface ListTemplatesUseCase {

    Page<TemplateSnapshot> listTemplates(Actor actor, TemplateFilter filter, PageRequest page);
}
