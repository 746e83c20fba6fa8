package dev.warden.domain.alert;

import dev.warden.domain.template.TemplateId;
import java.util.Objects;

/** What an alert is raised about: a template, or something else named by kind and key (e.g. a WABA). */
public record AlertSubject(String kind, String key) {

    public AlertSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static AlertSubject template(TemplateId id) {
        return new AlertSubject("TEMPLATE", id.toString());
    }

    public static AlertSubject waba(String wabaId) {
        return new AlertSubject("WABA", wabaId);
    }

    public boolean isTemplate() {
        return "TEMPLATE".equals(kind);
    }
}
