package dev.warden.domain.campaign;

/**
 * Why a campaign is held. Causes are independent: each is placed and lifted on its own, and a
 * started campaign runs only while it has none.
 */
public enum HoldCause {
    /** Warden's: the template cannot be sent (paused, disabled, archived, in review, ...); the detail names the status. */
    TEMPLATE_STATUS(false),
    /** Warden's: Meta recategorised the template and the organisation has not consented yet. */
    CATEGORY_CHANGE(false),
    /**
     * Warden's: Meta refused a send because the template is paused or disabled (the circuit breaker);
     * lifted when the template is APPROVED again, or when Meta, asked, says it still is. The detail
     * names the refusal. When Meta could not be asked, nothing would lift it, so a person's resume may too
     * ({@link #isLiftedByResume}): a template still paused refuses the next send and holds it again.
     */
    SEND_ERROR(false),
    /**
     * Meta dropped sends of an APPROVED template as paused: portfolio pacing, which Meta applies to the
     * whole business portfolio. Placed on every campaign of the WABA; only a person lifts it, as Meta
     * says nothing when pacing ends.
     */
    PORTFOLIO_PACING(true),
    /** A person's: only a person lifts it. */
    MANUAL(true),
    /**
     * Warden's holds are all lifted but the organisation resumes campaigns by hand
     * ({@code autoResumeCampaigns = false}): a person lifts it by resuming.
     */
    AWAITING_RESUME(true);

    private final boolean liftedByPerson;

    HoldCause(boolean liftedByPerson) {
        this.liftedByPerson = liftedByPerson;
    }

    /** Whether only a person's resume lifts this hold; Warden never does. */
    public boolean isLiftedByPerson() {
        return liftedByPerson;
    }

    /** Whether a person's resume lifts this hold: the person's own, and a send error Warden may have left. */
    public boolean isLiftedByResume() {
        return liftedByPerson || this == SEND_ERROR;
    }
}
