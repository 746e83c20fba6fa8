package dev.warden.application.port.in;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.shared.NotFound;

/** No such campaign in the asking organisation. */
public class CampaignNotFound extends NotFound {

    private static final long serialVersionUID = 1L;

    public CampaignNotFound(CampaignId id) {
        super("campaign", id);
    }
}
