package dev.warden.domain.campaign;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A send of one template to many recipients. Warden pauses a running campaign when its template
 * stops being sendable and resumes it when the template recovers, but only if Warden paused it:
 * a campaign a person paused stays paused until a person resumes it.
 */
public final class Campaign {

    public static final int MAX_NAME_LENGTH = 200;

    private final CampaignId id;
    private final OrganizationId organizationId;
    private final String name;
    private final TemplateId templateId;
    private CampaignStatus status;
    private PauseReason pauseReason;
    private PausedBy pausedBy;
    private Instant pausedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long revision;

    private Campaign(CampaignSnapshot s) {
        this.id = s.id();
        this.organizationId = s.organizationId();
        this.name = s.name();
        this.templateId = s.templateId();
        this.status = s.status();
        this.pauseReason = s.pauseReason().orElse(null);
        this.pausedBy = s.pausedBy().orElse(null);
        this.pausedAt = s.pausedAt().orElse(null);
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.revision = s.revision();
    }

    public static Campaign draft(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                                 Instant now) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidValue("campaign name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return new Campaign(new CampaignSnapshot(id, organizationId, name.strip(), templateId, CampaignStatus.DRAFT,
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0L));
    }

    public static Campaign reconstitute(CampaignSnapshot snapshot) {
        return new Campaign(snapshot);
    }

    /** @throws TemplateNotSendable when the template is not APPROVED, naming its status */
    public CampaignEvent.Started start(TemplateStatus templateStatus, Instant now) {
        require(status == CampaignStatus.DRAFT, "start");
        requireSendable(templateStatus);
        status = CampaignStatus.RUNNING;
        updatedAt = now;
        return new CampaignEvent.Started(organizationId, id, templateId, now);
    }

    public CampaignEvent.Paused pauseBy(String username, Instant now) {
        require(status == CampaignStatus.RUNNING, "be paused");
        return pause(PauseReason.MANUAL, PausedBy.user(username), now);
    }

    /** A person resumes; allowed after any pause, as long as the template can be sent. */
    public CampaignEvent.Resumed resumeBy(TemplateStatus templateStatus, Instant now) {
        require(status == CampaignStatus.PAUSED, "be resumed");
        requireSendable(templateStatus);
        return resume(false, now);
    }

    /** Warden pauses for the template's sake; a campaign that is not running is left alone. */
    public Optional<CampaignEvent.Paused> pauseForTemplate(PauseReason reason, Instant now) {
        if (status != CampaignStatus.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(pause(reason, PausedBy.SYSTEM, now));
    }

    /** Resumes only a campaign Warden paused for one of {@code reasons}. */
    public Optional<CampaignEvent.Resumed> resumeForTemplate(Set<PauseReason> reasons, Instant now) {
        if (!isPausedBySystemFor(reasons)) {
            return Optional.empty();
        }
        return Optional.of(resume(true, now));
    }

    public boolean isPausedBySystemFor(Set<PauseReason> reasons) {
        return status == CampaignStatus.PAUSED && pausedBy != null && pausedBy.isSystem()
                && reasons.contains(pauseReason);
    }

    public CampaignEvent.Finished complete(Instant now) {
        require(status == CampaignStatus.RUNNING || status == CampaignStatus.PAUSED, "complete");
        return finish(CampaignStatus.COMPLETED, now);
    }

    public CampaignEvent.Finished cancel(Instant now) {
        require(!status.isFinished(), "be cancelled");
        return finish(CampaignStatus.CANCELLED, now);
    }

    public CampaignSnapshot snapshot() {
        return new CampaignSnapshot(id, organizationId, name, templateId, status, Optional.ofNullable(pauseReason),
                Optional.ofNullable(pausedBy), Optional.ofNullable(pausedAt), createdAt, updatedAt, revision);
    }

    public CampaignId id() {
        return id;
    }

    public TemplateId templateId() {
        return templateId;
    }

    public CampaignStatus status() {
        return status;
    }

    private CampaignEvent.Paused pause(PauseReason reason, PausedBy by, Instant now) {
        status = CampaignStatus.PAUSED;
        pauseReason = reason;
        pausedBy = by;
        pausedAt = now;
        updatedAt = now;
        return new CampaignEvent.Paused(organizationId, id, templateId, reason, by, now);
    }

    private CampaignEvent.Resumed resume(boolean automatically, Instant now) {
        status = CampaignStatus.RUNNING;
        pauseReason = null;
        pausedBy = null;
        pausedAt = null;
        updatedAt = now;
        return new CampaignEvent.Resumed(organizationId, id, templateId, automatically, now);
    }

    private CampaignEvent.Finished finish(CampaignStatus finalStatus, Instant now) {
        status = finalStatus;
        updatedAt = now;
        return new CampaignEvent.Finished(organizationId, id, finalStatus, now);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new CampaignTransitionRefused(id, status, action);
        }
    }

    private void requireSendable(TemplateStatus templateStatus) {
        if (!templateStatus.isSendable()) {
            throw new TemplateNotSendable(templateId, templateStatus);
        }
    }
}
