package dev.warden.domain.governance;

import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.template.TemplateEvent;
import java.util.List;

/**
 * Which template event places or lifts which campaign hold (SPEC 3.3, 3.4). The one place this rule
 * lives; repositories only execute the {@link HoldChange} it returns, set-based.
 *
 * <table>
 *   <caption>The rule</caption>
 *   <tr><th>template event</th><th>hold</th></tr>
 *   <tr><td>status changed to one the {@link AutoPausePolicy} holds for</td><td>place TEMPLATE_STATUS (the status) on
 *       the campaigns sending the template, as their own or their fallback, that can send neither</td></tr>
 *   <tr><td>status changed to APPROVED</td><td>lift TEMPLATE_STATUS from the campaigns sending it, as their own or
 *       their fallback; lift SEND_ERROR</td></tr>
 *   <tr><td>category changed, not allowed for the template</td><td>place CATEGORY_CHANGE (from and to)</td></tr>
 *   <tr><td>category change consented (its alert acknowledged)</td><td>lift CATEGORY_CHANGE</td></tr>
 * </table>
 * Every other change reaches only the campaigns whose own template it is ({@link Reach}).
 */
public final class HoldRules {

    private final AutoPausePolicy autoPausePolicy;

    public HoldRules(AutoPausePolicy autoPausePolicy) {
        this.autoPausePolicy = autoPausePolicy;
    }

    /** What one template event does to the holds of the template's campaigns, in order; empty for nothing. */
    public List<HoldChange> forEvent(TemplateEvent event) {
        if (event instanceof TemplateEvent.StatusChanged changed) {
            if (changed.to().isSendable()) {
                // Sendable again: whatever a send refused for the template's sake (SendErrorRules) is over too.
                return List.of(new HoldChange.Lift(HoldCause.TEMPLATE_STATUS, Reach.SENDING),
                        new HoldChange.Lift(HoldCause.SEND_ERROR, Reach.OWN));
            }
            return autoPausePolicy.holdsCampaigns(changed.to())
                    ? List.of(new HoldChange.Place(HoldCause.TEMPLATE_STATUS, changed.to().name(), Reach.SENDING))
                    : List.of();
        }
        if (event instanceof TemplateEvent.CategoryChanged changed && !changed.allowed()) {
            return List.of(new HoldChange.Place(HoldCause.CATEGORY_CHANGE, changed.from() + " -> " + changed.to(),
                    Reach.OWN));
        }
        if (event instanceof TemplateEvent.CategoryChangeConsented) {
            return List.of(new HoldChange.Lift(HoldCause.CATEGORY_CHANGE, Reach.OWN));
        }
        return List.of();
    }

    /** Which open campaigns of a template a change reaches. */
    public enum Reach {
        /** Those whose own template it is. */
        OWN,
        /**
         * Those that send it, as their own or as their fallback (docs/adr/0020); a hold is placed only on those
         * that can send neither ({@code Campaign.canSend}).
         */
        SENDING
    }

    /** A hold to place or lift on the open campaigns of a template it reaches. */
    public sealed interface HoldChange {

        HoldCause cause();

        Reach reach();

        /** @param detail what the hold refers to, shown with it */
        record Place(HoldCause cause, String detail, Reach reach) implements HoldChange {
        }

        record Lift(HoldCause cause, Reach reach) implements HoldChange {
        }
    }
}
