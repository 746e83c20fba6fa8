package dev.warden.domain.campaign;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Sort;
import dev.warden.domain.template.TemplateId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which campaigns to list. An empty organisation means every organisation (super admins only; the
 * caller enforces that); no statuses means any status; {@code holdCause} keeps the campaigns held
 * for that cause now; {@code templateId} keeps the campaigns that send that template, as their own or as their
 * fallback (a template a campaign falls back on is in use too). {@code sort} is the order the caller chose; without one the list is newest first,
 * then by id.
 */
public record CampaignFilter(Optional<OrganizationId> organizationId, Optional<TemplateId> templateId,
                             Set<CampaignStatus> statuses, Optional<HoldCause> holdCause,
                             Optional<Sort<CampaignSortField, CampaignSnapshot>> sort) {

    /** The campaigns a template's state can still affect: not yet completed or cancelled. */
    public static final Set<CampaignStatus> OPEN = Set.copyOf(EnumSet.of(CampaignStatus.DRAFT,
            CampaignStatus.RUNNING, CampaignStatus.PAUSED));

    public CampaignFilter {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(holdCause, "holdCause");
        Objects.requireNonNull(sort, "sort");
    }

    /** Which campaigns, in the default order. */
    public CampaignFilter(Optional<OrganizationId> organizationId, Optional<TemplateId> templateId,
                          Set<CampaignStatus> statuses, Optional<HoldCause> holdCause) {
        this(organizationId, templateId, statuses, holdCause, Optional.empty());
    }

    public static CampaignFilter of(OrganizationId organizationId) {
        return new CampaignFilter(Optional.of(organizationId), Optional.empty(), Set.of(), Optional.empty());
    }

    public CampaignFilter within(Optional<OrganizationId> scope) {
        return new CampaignFilter(scope, templateId, statuses, holdCause, sort);
    }

    public CampaignFilter withTemplate(TemplateId template) {
        return new CampaignFilter(organizationId, Optional.of(template), statuses, holdCause, sort);
    }

    public CampaignFilter withStatuses(Set<CampaignStatus> wanted) {
        return new CampaignFilter(organizationId, templateId, wanted, holdCause, sort);
    }

    public CampaignFilter withHoldCause(HoldCause cause) {
        return new CampaignFilter(organizationId, templateId, statuses, Optional.of(cause), sort);
    }

    public CampaignFilter withSort(Optional<Sort<CampaignSortField, CampaignSnapshot>> order) {
        return new CampaignFilter(organizationId, templateId, statuses, holdCause, order);
    }

    public boolean matches(CampaignSnapshot c) {
        return organizationId.map(c.organizationId()::equals).orElse(true)
                && templateId.map(c::sends).orElse(true)
                && (statuses.isEmpty() || statuses.contains(c.status()))
                && holdCause.map(cause -> c.holds().stream().anyMatch(h -> h.cause() == cause)).orElse(true);
    }
}
