package dev.warden.domain.alert;

import dev.warden.domain.shared.SortField;
import java.util.Comparator;

/** The orders a caller may choose for the alert list (without one: last raised, newest first, then id). */
public enum AlertSortField implements SortField<AlertSnapshot> {
    LAST_RAISED_AT("lastRaisedAt", Comparator.comparing(AlertSnapshot::lastRaisedAt)),
    CREATED_AT("createdAt", Comparator.comparing(AlertSnapshot::createdAt)),
    SEVERITY("severity", Comparator.comparing(AlertSnapshot::severity)),
    STATE("state", Comparator.comparing(AlertSnapshot::state)),
    TYPE("type", Comparator.comparing(AlertSnapshot::type)),
    COUNT("count", Comparator.comparingInt(AlertSnapshot::count));

    private final String apiName;
    private final Comparator<AlertSnapshot> comparator;

    AlertSortField(String apiName, Comparator<AlertSnapshot> comparator) {
        this.apiName = apiName;
        this.comparator = comparator;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    @Override
    public Comparator<AlertSnapshot> comparator() {
        return comparator;
    }
}
