package dev.warden.domain.campaign;

import dev.warden.domain.shared.DomainException;

/** A campaign cannot do that from where it stands, e.g. start a campaign that is already running. */
public class CampaignTransitionRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public CampaignTransitionRefused(CampaignId id, CampaignStatus status, String action) {
        super("campaign " + id + " is " + status + " and cannot " + action);
    }
}
