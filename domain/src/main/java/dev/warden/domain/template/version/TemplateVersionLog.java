package dev.warden.domain.template.version;

/** Where a governor appends new template versions; the read side is {@link TemplateVersionRepository}. */
@FunctionalInterface
public interface TemplateVersionLog {

    void append(TemplateVersion version);
}
