package dev.warden.domain.governance;

import dev.warden.domain.template.TemplateKey;
import java.util.Objects;

/**
 * How an event names its template: the stable key plus what it says about name, language and
 * category (as Meta wrote them), enough to create a stub for a template never seen before.
 */
public record TemplateMention(TemplateKey key, String name, String language, String category) {

    public TemplateMention {
        Objects.requireNonNull(key, "key");
    }
}
