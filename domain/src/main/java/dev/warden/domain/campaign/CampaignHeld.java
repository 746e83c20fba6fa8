package dev.warden.domain.campaign;

import dev.warden.domain.shared.DomainException;
import java.util.Collection;
import java.util.stream.Collectors;

/** A person asked to resume a campaign that only Warden can release: it names what holds it. */
public class CampaignHeld extends DomainException {

    private static final long serialVersionUID = 1L;

    public CampaignHeld(CampaignId id, Collection<Hold> holds) {
        super("campaign " + id + " is held by " + holds.stream().map(CampaignHeld::describe)
                .collect(Collectors.joining(", ")) + "; Warden resumes it when "
                + (holds.size() == 1 ? "that clears" : "those clear")
                + " (a category change clears when its alert is acknowledged)");
    }

    private static String describe(Hold hold) {
        return hold.cause() + hold.detail().map(d -> " (" + d + ")").orElse("") + " since " + hold.since();
    }
}
