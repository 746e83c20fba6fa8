package dev.warden.domain.template;

import java.util.List;
import java.util.Set;

/**
 * What {@link TemplateRepository#findByKeysUnlessBusy} found: the stored templates now locked for the caller, and
 * the keys of stored templates another transaction holds (neither read nor locked). A key in neither is not stored.
 */
public record AvailableTemplates(List<MessageTemplate> templates, Set<TemplateKey> busy) {

    public AvailableTemplates {
        templates = List.copyOf(templates);
        busy = Set.copyOf(busy);
    }
}
