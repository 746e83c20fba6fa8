package dev.warden.domain.governance;

import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.template.StatusEvent;
import dev.warden.domain.template.TemplateStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The circuit breaker (SPEC 3.3, meta-platform.md §12 "Pausing, pacing"): what a send Meta refused for
 * its template's sake does to campaigns. A paused or disabled template holds every campaign of the
 * template at once (SEND_ERROR), before any webhook says so. "Paused" alone does not prove the template
 * is paused: Meta also drops sends that way during portfolio pacing while the template stays APPROVED,
 * so it is asked first, and its answer decides ({@link #confirmed}). {@link HoldRules} lifts SEND_ERROR
 * when the template is APPROVED again.
 */
public final class SendErrorRules {

    /** The detail of a pacing hold; one text for every campaign, so a repeat changes nothing. */
    static final String PACING_DETAIL = "sends dropped as paused while the template is APPROVED";

    private SendErrorRules() {
    }

    /** What Meta's answer to a template's status, asked after a refused send, means. */
    public enum Verdict {
        /** The template is sendable at Meta: the refusal was portfolio pacing; every campaign of the WABA is held. */
        PORTFOLIO_PACING,
        /** Meta has the template in a status that cannot be sent: applied as a reconciliation would. */
        TEMPLATE_NOT_SENDABLE,
        /** Meta's answer says neither (a marker, a value Warden does not know): the send-error hold stays. */
        UNDECIDED
    }

    /** The hold a refusal places on every open campaign of the template; empty when it is not the template's. */
    public static Optional<Hold> forRefusal(SendRefusal refusal, Instant now) {
        return refusal == SendRefusal.TEMPLATE_PAUSED || refusal == SendRefusal.TEMPLATE_DISABLED
                ? Optional.of(Hold.bySystem(HoldCause.SEND_ERROR, refusal.name(), now)) : Optional.empty();
    }

    /** Whether Meta is asked for the template's status before the refusal is believed. */
    public static boolean asksMeta(SendRefusal refusal) {
        return refusal == SendRefusal.TEMPLATE_PAUSED;
    }

    public static Verdict confirmed(StatusEvent atMeta) {
        if (atMeta instanceof StatusEvent.Moved moved) {
            return moved.status() == TemplateStatus.APPROVED ? Verdict.PORTFOLIO_PACING
                    : Verdict.TEMPLATE_NOT_SENDABLE;
        }
        return Verdict.UNDECIDED;
    }

    /** The hold portfolio pacing places on every campaign of the WABA; a person lifts it. */
    public static Hold pacingHold(Instant now) {
        return Hold.bySystem(HoldCause.PORTFOLIO_PACING, PACING_DETAIL, now);
    }
}
