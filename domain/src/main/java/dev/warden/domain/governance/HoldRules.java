package dev.warden.domain.governance;

import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.template.TemplateEvent;
import java.util.Optional;

/**
 * Which template event places or lifts which campaign hold (SPEC 3.3, 3.4). The one place this rule
 * lives; repositories only execute the {@link HoldChange} it returns, set-based.
 *
 * <table>
 *   <caption>The rule</caption>
 *   <tr><th>template event</th><th>hold</th></tr>
 *   <tr><td>status changed to one the {@link AutoPausePolicy} holds for</td><td>place TEMPLATE_STATUS (the status)</td></tr>
 *   <tr><td>status changed to APPROVED</td><td>lift TEMPLATE_STATUS</td></tr>
 *   <tr><td>category changed, not allowed for the template</td><td>place CATEGORY_CHANGE (from and to)</td></tr>
 *   <tr><td>category change consented (its alert acknowledged)</td><td>lift CATEGORY_CHANGE</td></tr>
 * </table>
 */
public final class HoldRules {

    private final AutoPausePolicy autoPausePolicy;

    public HoldRules(AutoPausePolicy autoPausePolicy) {
        this.autoPausePolicy = autoPausePolicy;
    }

    /** What one template event does to the holds of the template's campaigns, if anything. */
    public Optional<HoldChange> forEvent(TemplateEvent event) {
        if (event instanceof TemplateEvent.StatusChanged changed) {
            if (changed.to().isSendable()) {
                return Optional.of(new HoldChange.Lift(HoldCause.TEMPLATE_STATUS));
            }
            return autoPausePolicy.holdsCampaigns(changed.to())
                    ? Optional.of(new HoldChange.Place(HoldCause.TEMPLATE_STATUS, changed.to().name()))
                    : Optional.empty();
        }
        if (event instanceof TemplateEvent.CategoryChanged changed && !changed.allowed()) {
            return Optional.of(new HoldChange.Place(HoldCause.CATEGORY_CHANGE, changed.from() + " -> " + changed.to()));
        }
        if (event instanceof TemplateEvent.CategoryChangeConsented) {
            return Optional.of(new HoldChange.Lift(HoldCause.CATEGORY_CHANGE));
        }
        return Optional.empty();
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
