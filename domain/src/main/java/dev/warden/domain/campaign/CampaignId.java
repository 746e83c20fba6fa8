package dev.warden.domain.campaign;

import dev.warden.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a campaign. */
public record CampaignId(UUID value) {

    public CampaignId {
        Objects.requireNonNull(value, "campaignId");
    }

    public static CampaignId random() {
        return new CampaignId(UUID.randomUUID());
    }

    public static CampaignId parse(String text) {
        return new CampaignId(Ids.parseUuid("campaignId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
