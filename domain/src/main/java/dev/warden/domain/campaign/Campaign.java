package dev.warden.domain.campaign;

import dev.warden.domain.shared.DisplayNames;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A send of one template to many recipients. A campaign carries a set of holds, one per cause
 * ({@link HoldCause}); once started it runs only while that set is empty. Warden places and lifts
 * its own holds as the template changes; a manual hold is lifted only by a person.
 *
 * <p>A campaign may name a fallback template, sent instead while its own is not sendable; a campaign
 * {@link #canSend} while either is (docs/adr/0020).
 *
 * <p>These methods are the rule for one campaign. {@link CampaignRepository#placeHold} and
 * {@link CampaignRepository#liftHold} apply the same rule to all campaigns of a template at once;
 * the repository contract holds every implementation to it.
 *
 * <p>Why it is a little over 300 lines: it is that rule in one place (status, holds, fallback, progress), the one
 * the set-based statements are compared with; splitting it would spread the rule the statements must match.
 */
public final class Campaign {

    public static final int MAX_NAME_LENGTH = 200;

    private final CampaignId id;
    private final OrganizationId organizationId;
    private final String name;
    private final TemplateId templateId;
    private final Optional<TemplateId> fallbackTemplateId;
    private CampaignStatus status;
    private final Map<HoldCause, Hold> holds = new EnumMap<>(HoldCause.class);
    /** Holds placed and lifted since the campaign was loaded, for its hold history. */
    private final List<HoldRecord> holdChanges = new ArrayList<>();
    private final Instant createdAt;
    private Instant updatedAt;
    private final long revision;

    private Campaign(CampaignSnapshot s) {
        this.id = s.id();
        this.organizationId = s.organizationId();
        this.name = s.name();
        this.templateId = s.templateId();
        this.fallbackTemplateId = s.fallbackTemplateId();
        this.status = s.status();
        s.holds().forEach(hold -> holds.put(hold.cause(), hold));
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.revision = s.revision();
    }

    public static Campaign draft(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                                 Instant now) {
        return draft(id, organizationId, name, templateId, Optional.empty(), now);
    }

    /**
     * @param fallbackTemplateId sent instead while the template is not sendable; the caller checked it may stand
     *                           in ({@code TemplateChoice.requireFallbackFor})
     */
    public static Campaign draft(CampaignId id, OrganizationId organizationId, String name, TemplateId templateId,
                                 Optional<TemplateId> fallbackTemplateId, Instant now) {
        if (fallbackTemplateId.filter(templateId::equals).isPresent()) {
            throw new InvalidValue("fallbackTemplateId must be another template than templateId " + templateId);
        }
        return new Campaign(new CampaignSnapshot(id, organizationId,
                DisplayNames.require("campaign name", name, MAX_NAME_LENGTH), templateId, fallbackTemplateId,
                CampaignStatus.DRAFT, List.of(), now, now, 0L));
    }

    /**
     * Whether a campaign can send (docs/adr/0020): its template is sendable, or its fallback is. The one rule
     * of the TEMPLATE_STATUS hold: {@link CampaignHolds#placeTemplateHold} holds only the campaigns that cannot.
     *
     * @param fallback the fallback's status, when the campaign names one
     */
    public static boolean canSend(TemplateStatus template, Optional<TemplateStatus> fallback) {
        return template.isSendable() || fallback.map(TemplateStatus::isSendable).orElse(false);
    }

    public static Campaign reconstitute(CampaignSnapshot snapshot) {
        return new Campaign(snapshot);
    }

    /**
     * Starts the campaign: RUNNING, or PAUSED if something already holds it.
     *
     * @param awaitingCategoryConsent Meta recategorised the template and nobody consented yet
     * @throws TemplateNotSendable    when the template is not APPROVED, naming its status
     * @throws CategoryConsentPending while the template awaits consent: refused rather than started
     *                                held, so a consent given meanwhile cannot miss it
     */
    public List<CampaignEvent> start(TemplateStatus templateStatus, boolean awaitingCategoryConsent, Instant now) {
        return start(templateStatus, Optional.empty(), awaitingCategoryConsent, now);
    }

    /**
     * Starts the campaign while it {@link #canSend}: its template or its fallback is sendable.
     *
     * @param fallbackStatus the fallback's status, when the campaign names one
     * @throws TemplateNotSendable when neither is sendable, naming the template's status
     */
    public List<CampaignEvent> start(TemplateStatus templateStatus, Optional<TemplateStatus> fallbackStatus,
                                     boolean awaitingCategoryConsent, Instant now) {
        require(status == CampaignStatus.DRAFT, "start");
        if (!canSend(templateStatus, fallbackStatus)) {
            throw new TemplateNotSendable(templateId, templateStatus);
        }
        if (awaitingCategoryConsent) {
            throw new CategoryConsentPending(templateId);
        }
        status = holds.isEmpty() ? CampaignStatus.RUNNING : CampaignStatus.PAUSED;
        updatedAt = now;
        return List.of(new CampaignEvent.Started(organizationId, id, templateId, status, now));
    }

    /**
     * Places a hold on an open campaign (drafts too: a draft started later is held from the start).
     * The same cause with the same detail changes nothing; with another detail it updates the hold,
     * which keeps its {@code since}.
     */
    public List<CampaignEvent> place(Hold hold) {
        if (status.isFinished()) {
            return List.of();
        }
        Hold held = holds.get(hold.cause());
        if (held != null && held.detail().equals(hold.detail())) {
            return List.of();
        }
        Instant now = hold.since();
        Hold placed = held == null ? hold : new Hold(hold.cause(), hold.detail(), held.since(), held.by());
        holds.put(hold.cause(), placed);
        updatedAt = now;
        List<CampaignEvent> events = new ArrayList<>();
        events.add(new CampaignEvent.HoldPlaced(organizationId, id, templateId, placed, held != null, now));
        holdChanges.add(new HoldRecord(id, placed.cause(), held == null ? HoldRecord.Action.PLACED
                : HoldRecord.Action.UPDATED, placed.detail(), placed.by(), now));
        if (status == CampaignStatus.RUNNING) {
            status = CampaignStatus.PAUSED;
            events.add(new CampaignEvent.Paused(organizationId, id, templateId, now));
        }
        return events;
    }

    /**
     * Warden lifts one of its own holds. When it was the last one, a started campaign resumes, or,
     * if the organisation resumes campaigns by hand, waits for a person ({@link HoldCause#AWAITING_RESUME}).
     */
    public List<CampaignEvent> lift(HoldCause cause, boolean autoResume, Instant now) {
        if (cause.isLiftedByPerson()) {
            throw new IllegalArgumentException(cause + " holds are lifted by a person only");
        }
        Hold lifted = status.isFinished() ? null : holds.remove(cause);
        if (lifted == null) {
            return List.of();
        }
        updatedAt = now;
        List<CampaignEvent> events = new ArrayList<>();
        recordLifted(lifted, Optional.empty(), now, events);
        if (status == CampaignStatus.PAUSED && holds.isEmpty()) {
            if (autoResume) {
                status = CampaignStatus.RUNNING;
                events.add(new CampaignEvent.Resumed(organizationId, id, templateId, true, now));
            } else {
                events.addAll(place(Hold.bySystem(HoldCause.AWAITING_RESUME, null, now)));
            }
        }
        return events;
    }

    /** A person pauses a started campaign, held or not; Warden never lifts that hold. */
    public List<CampaignEvent> pauseBy(String username, Instant now) {
        require(status.isStarted(), "be paused");
        if (holds.containsKey(HoldCause.MANUAL)) {
            throw new CampaignTransitionRefused(id, status, "be paused again: "
                    + holds.get(HoldCause.MANUAL).by().orElse("someone") + " paused it already");
        }
        return place(Hold.manual(username, now));
    }

    /**
     * A person lifts the holds only a person can lift, and a send-error hold ({@link HoldCause#isLiftedByResume}).
     * The campaign runs again if nothing else holds it; Warden's other holds stay until their cause clears.
     *
     * @throws CampaignHeld when only Warden's holds hold it, naming them
     */
    public List<CampaignEvent> resumeBy(String username, Instant now) {
        require(status == CampaignStatus.PAUSED, "be resumed");
        List<HoldCause> personal = holds.keySet().stream().filter(HoldCause::isLiftedByResume).toList();
        if (personal.isEmpty()) {
            throw new CampaignHeld(id, snapshot().holds());
        }
        List<CampaignEvent> events = new ArrayList<>();
        for (HoldCause cause : personal) {
            recordLifted(holds.remove(cause), Optional.of(username), now, events);
        }
        updatedAt = now;
        if (holds.isEmpty()) {
            status = CampaignStatus.RUNNING;
            events.add(new CampaignEvent.Resumed(organizationId, id, templateId, false, now));
        }
        return events;
    }

    /**
     * A person lifts one hold of a cause only a person lifts (portfolio pacing, released for the whole
     * WABA), leaving every other hold, a person's pause included. A paused campaign left without holds
     * runs again: the person's release is the resume. Nothing happens when the campaign does not have it.
     */
    public List<CampaignEvent> releaseBy(HoldCause cause, String username, Instant now) {
        if (!cause.isLiftedByPerson()) {
            throw new IllegalArgumentException(cause + " holds are lifted by Warden when their cause clears");
        }
        Hold lifted = status.isFinished() ? null : holds.remove(cause);
        if (lifted == null) {
            return List.of();
        }
        updatedAt = now;
        List<CampaignEvent> events = new ArrayList<>();
        recordLifted(lifted, Optional.of(username), now, events);
        if (status == CampaignStatus.PAUSED && holds.isEmpty()) {
            status = CampaignStatus.RUNNING;
            events.add(new CampaignEvent.Resumed(organizationId, id, templateId, false, now));
        }
        return events;
    }

    /**
     * A person closes a started campaign whose sends have all gone (sent, failed or skipped): none waits, none
     * is held. One with sends still waiting is refused, naming them; cancelling drops them instead.
     */
    public List<CampaignEvent> completeBy(String username, CampaignProgress progress, Instant now) {
        require(status.isStarted(), "complete");
        long waiting = progress.held() + progress.remaining();
        if (waiting > 0) {
            throw new CampaignTransitionRefused(id, status, "complete while " + waiting
                    + " of its sends still wait to go; cancel it to drop them");
        }
        return finish(CampaignStatus.COMPLETED, username, now);
    }

    /** A person stops a campaign for good: its holds go with it, and its waiting sends are not sent. */
    public List<CampaignEvent> cancelBy(String username, Instant now) {
        require(!status.isFinished(), "be cancelled");
        return finish(CampaignStatus.CANCELLED, username, now);
    }

    public CampaignSnapshot snapshot() {
        return new CampaignSnapshot(id, organizationId, name, templateId, fallbackTemplateId, status,
                List.copyOf(holds.values()),
                createdAt, updatedAt, revision);
    }

    /** The holds placed and lifted since the campaign was loaded, oldest first: what its history gains. */
    public List<HoldRecord> holdChanges() {
        return List.copyOf(holdChanges);
    }

    public CampaignId id() {
        return id;
    }

    public TemplateId templateId() {
        return templateId;
    }

    public Optional<TemplateId> fallbackTemplateId() {
        return fallbackTemplateId;
    }

    public CampaignStatus status() {
        return status;
    }

    private List<CampaignEvent> finish(CampaignStatus finalStatus, String username, Instant now) {
        List<CampaignEvent> events = new ArrayList<>();
        for (Hold lifted : List.copyOf(holds.values())) {
            holds.remove(lifted.cause());
            recordLifted(lifted, Optional.of(username), now, events);
        }
        status = finalStatus;
        updatedAt = now;
        events.add(new CampaignEvent.Finished(organizationId, id, finalStatus, now));
        return events;
    }

    /** A lifted hold, by a person or (none) by Warden: in the hold history and as an event. */
    private void recordLifted(Hold lifted, Optional<String> by, Instant now, List<CampaignEvent> events) {
        holdChanges.add(new HoldRecord(id, lifted.cause(), HoldRecord.Action.LIFTED, lifted.detail(), by, now));
        events.add(new CampaignEvent.HoldLifted(organizationId, id, templateId, lifted.cause(), by, now));
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new CampaignTransitionRefused(id, status, action);
        }
    }
}
