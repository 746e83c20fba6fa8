package dev.warden.domain.template;

import dev.warden.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Warden's own identity of a template; stable from draft to deletion, unlike Meta's id or the name. */
public record TemplateId(UUID value) {

    public TemplateId {
        Objects.requireNonNull(value, "templateId");
    }

    public static TemplateId random() {
        return new TemplateId(UUID.randomUUID());
    }

    public static TemplateId parse(String text) {
        return new TemplateId(Ids.parseUuid("templateId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
