package dev.warden.domain.governance;

import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateKey;
import java.util.Objects;

/**
 * How an event names its template: the stable key plus what it says about name and language (as
 * Meta wrote them) and category (null when the event names none), enough to create a stub for a
 * template never seen before.
 */
public record TemplateMention(TemplateKey key, String name, String language, TemplateCategory category) {

    public TemplateMention {
        Objects.requireNonNull(key, "key");
    }
}
