package dev.warden.domain.template;

import dev.warden.domain.shared.Sort;
import dev.warden.domain.shared.SortField;
import java.util.Comparator;

/** The orders a caller may choose for the template list (without one: name, language, id). */
public enum TemplateSortField implements SortField<TemplateSnapshot> {
    NAME("name", Comparator.comparing(t -> t.name().value(), Sort::compareText)),
    LANGUAGE("language", Comparator.comparing(t -> t.language().value(), Sort::compareText)),
    STATUS("status", Comparator.comparing(TemplateSnapshot::status)),
    QUALITY("quality", Comparator.comparing(TemplateSnapshot::quality)),
    CATEGORY("category", Comparator.comparing(TemplateSnapshot::category)),
    CREATED_AT("createdAt", Comparator.comparing(TemplateSnapshot::createdAt)),
    UPDATED_AT("updatedAt", Comparator.comparing(TemplateSnapshot::updatedAt));

    private final String apiName;
    private final Comparator<TemplateSnapshot> comparator;

    TemplateSortField(String apiName, Comparator<TemplateSnapshot> comparator) {
        this.apiName = apiName;
        this.comparator = comparator;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    @Override
    public Comparator<TemplateSnapshot> comparator() {
        return comparator;
    }
}
