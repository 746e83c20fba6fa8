package dev.warden.domain.template;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Sort;
import java.util.Objects;
import java.util.Optional;

/**
 * Which templates to list. An empty organisation means every organisation (super admins only;
 * the caller enforces that). {@code name} matches a part of the name. {@code sort} is the order the
 * caller chose; without one the list is by name, language and id.
 */
public record TemplateFilter(Optional<OrganizationId> organizationId, Optional<WabaId> wabaId,
                             Optional<MetaTemplateId> metaTemplateId, Optional<String> name,
                             Optional<TemplateStatus> status, Optional<QualityRating> quality,
                             Optional<TemplateCategory> category,
                             Optional<Sort<TemplateSortField, TemplateSnapshot>> sort) {

    public TemplateFilter {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(metaTemplateId, "metaTemplateId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sort, "sort");
    }

    /** Which templates, in the default order. */
    public TemplateFilter(Optional<OrganizationId> organizationId, Optional<WabaId> wabaId,
                          Optional<MetaTemplateId> metaTemplateId, Optional<String> name,
                          Optional<TemplateStatus> status, Optional<QualityRating> quality,
                          Optional<TemplateCategory> category) {
        this(organizationId, wabaId, metaTemplateId, name, status, quality, category, Optional.empty());
    }

    public static TemplateFilter of(OrganizationId organizationId) {
        return new TemplateFilter(Optional.of(organizationId), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TemplateFilter withStatus(TemplateStatus value) {
        return new TemplateFilter(organizationId, wabaId, metaTemplateId, name, Optional.of(value), quality, category,
                sort);
    }

    public TemplateFilter withSort(Optional<Sort<TemplateSortField, TemplateSnapshot>> order) {
        return new TemplateFilter(organizationId, wabaId, metaTemplateId, name, status, quality, category, order);
    }

    public boolean matches(TemplateSnapshot t) {
        return organizationId.map(t.organizationId()::equals).orElse(true)
                && wabaId.map(t.wabaId()::equals).orElse(true)
                && metaTemplateId.map(id -> t.metaTemplateId().filter(id::equals).isPresent()).orElse(true)
                && name.map(n -> t.name().value().contains(n)).orElse(true)
                && status.map(s -> s == t.status()).orElse(true)
                && quality.map(q -> q == t.quality()).orElse(true)
                && category.map(c -> c == t.category()).orElse(true);
    }
}
