package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import java.util.Objects;

/** How Meta names a template in its events: the WABA and Meta's template id (name and language are not stable). */
public record TemplateKey(WabaId wabaId, MetaTemplateId metaTemplateId) {

    public TemplateKey {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(metaTemplateId, "metaTemplateId");
    }
}
