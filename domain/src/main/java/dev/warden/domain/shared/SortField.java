package dev.warden.domain.shared;

import java.util.Comparator;

/**
 * One field of a list's allow-list of orders: its name in the API and how two items compare on it.
 * Enumerated values compare in their declared order (a severity from INFO to CRITICAL, not by spelling).
 */
public interface SortField<T> {

    /** The name a caller writes after {@code sort=}, e.g. {@code updatedAt}. */
    String apiName();

    /** How two items compare on this field alone, ascending. */
    Comparator<T> comparator();
}
