package dev.warden.domain.campaign;

import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outgoing persistence port for campaigns. The fan-out operations are set-based: one statement
 * for all campaigns of a template, applying exactly {@link Campaign#pauseForTemplate} and
 * {@link Campaign#resumeForTemplate}; the contract test holds both implementations to that.
 */
public interface CampaignRepository {

    void add(Campaign campaign);

    /** @throws ConcurrentModification if the campaign changed since it was loaded */
    void update(Campaign campaign);

    Optional<Campaign> findById(OrganizationId organizationId, CampaignId id);

    /** The organisation a campaign belongs to; for super admins, who name no organisation. */
    Optional<OrganizationId> ownerOf(CampaignId id);

    /** Pauses every RUNNING campaign of the template; returns what it paused. */
    List<CampaignEvent.Paused> pauseRunningUsing(OrganizationId organizationId, TemplateId templateId,
                                                 PauseReason reason, Instant now);

    /** Resumes every campaign of the template that Warden paused for one of {@code reasons}. */
    List<CampaignEvent.Resumed> resumePausedBySystem(OrganizationId organizationId, TemplateId templateId,
                                                     Set<PauseReason> reasons, Instant now);

    /** Newest first; an empty organisation lists all of them. */
    Page<CampaignSnapshot> list(Optional<OrganizationId> organizationId, Optional<TemplateId> templateId,
                                PageRequest page);
}
