package dev.warden.domain.template;

/** Where a governor appends template history; the read side is {@link TemplateHistory}. */
@FunctionalInterface
public interface TemplateHistoryLog {

    void append(TemplateHistoryEntry entry);
}
