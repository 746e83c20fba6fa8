package dev.warden.domain.campaign;

import dev.warden.domain.shared.Sort;
import dev.warden.domain.shared.SortField;
import java.util.Comparator;

/** The orders a caller may choose for the campaign list (without one: newest first, then id). */
public enum CampaignSortField implements SortField<CampaignSnapshot> {
    NAME("name", Comparator.comparing(CampaignSnapshot::name, Sort::compareText)),
    STATUS("status", Comparator.comparing(CampaignSnapshot::status)),
    CREATED_AT("createdAt", Comparator.comparing(CampaignSnapshot::createdAt)),
    UPDATED_AT("updatedAt", Comparator.comparing(CampaignSnapshot::updatedAt));

    private final String apiName;
    private final Comparator<CampaignSnapshot> comparator;

    CampaignSortField(String apiName, Comparator<CampaignSnapshot> comparator) {
        this.apiName = apiName;
        this.comparator = comparator;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    @Override
    public Comparator<CampaignSnapshot> comparator() {
        return comparator;
    }
}
