package dev.warden.domain.campaign;

import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outgoing persistence port for campaigns. The fan-out operations ({@link CampaignHolds}) are
 * set-based, for all campaigns of a template at once, and apply exactly {@link Campaign#place} and
 * {@link Campaign#lift} to each: the repository contract holds every implementation to that.
 * Every campaign whose holds change gets a new revision, so a person's start or resume racing a
 * fan-out is refused as a {@link ConcurrentModification} instead of overwriting it.
 */
public interface CampaignRepository extends CampaignHolds {

    void add(Campaign campaign);

    /**
     * Stores the campaign and its holds, and records the holds placed and lifted since it was loaded.
     *
     * @throws ConcurrentModification if the campaign changed since it was loaded
     */
    void update(Campaign campaign);

    Optional<Campaign> findById(OrganizationId organizationId, CampaignId id);

    /** The organisation a campaign belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(CampaignId id);

    /**
     * {@link Campaign#place} for every open campaign of every template of the WABA (portfolio pacing holds
     * them all); returns what it caused.
     */
    List<CampaignEvent> placeHoldOnWaba(OrganizationId organizationId, WabaId wabaId, Hold hold);

    /**
     * {@link Campaign#releaseBy} for every open campaign of every template of the WABA: a person lifts a
     * hold only a person lifts; returns what it caused.
     */
    List<CampaignEvent> releaseOnWaba(OrganizationId organizationId, WabaId wabaId, HoldCause cause, String username,
                                      Instant now);

    /** Which of the templates have an open (draft, running or paused) campaign, in one read. */
    Set<TemplateId> withOpenCampaigns(OrganizationId organizationId, Collection<TemplateId> templateIds);

    /** Newest first (by creation), then by id. */
    Page<CampaignSnapshot> list(CampaignFilter filter, PageRequest page);

    /** The holds placed and lifted on a campaign, newest first. */
    Page<HoldRecord> holdHistory(OrganizationId organizationId, CampaignId id, PageRequest page);
}
