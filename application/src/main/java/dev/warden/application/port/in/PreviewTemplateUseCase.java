package dev.warden.application.port.in;

import dev.warden.domain.template.content.RenderedContent;

/** Query: a template's current version rendered with given values, refusing missing, extra or malformed ones. */
public interface PreviewTemplateUseCase {

    RenderedContent previewTemplate(Actor actor, PreviewTemplateCommand command);
}
