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
 *   <tr><td>status changed to one the {@link AutoPausePolicy} holds for</td><td>place TEMPLATE_STATUS (the status)</td></tr>
 *   <tr><td>status changed to APPROVED</td><td>lift TEMPLATE_STATUS and SEND_ERROR</td></tr>
 *   <tr><td>category changed, not allowed for the template</td><td>place CATEGORY_CHANGE (from and to)</td></tr>
 *   <tr><td>category change consented (its alert acknowledged)</td><td>lift CATEGORY_CHANGE</td></tr>
 * </table>
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
                return List.of(new HoldChange.Lift(HoldCause.TEMPLATE_STATUS), new HoldChange.Lift(HoldCause.SEND_ERROR));
            }
            return autoPausePolicy.holdsCampaigns(changed.to())
                    ? List.of(new HoldChange.Place(HoldCause.TEMPLATE_STATUS, changed.to().name()))
                    : List.of();
        }
        if (event instanceof TemplateEvent.CategoryChanged changed && !changed.allowed()) {
            return List.of(new HoldChange.Place(HoldCause.CATEGORY_CHANGE, changed.from() + " -> " + changed.to()));
        }
        if (event instanceof TemplateEvent.CategoryChangeConsented) {
            return List.of(new HoldChange.Lift(HoldCause.CATEGORY_CHANGE));
        }
        return List.of();
    }

    /** A hold to place or lift on every open campaign of a template. */
    public sealed interface HoldChange {

        HoldCause cause();

        /** @param detail what the hold refers to, shown with it */
        record Place(HoldCause cause, String detail) implements HoldChange {
        }

        record Lift(HoldCause cause) implements HoldChange {
        }
    }
}
