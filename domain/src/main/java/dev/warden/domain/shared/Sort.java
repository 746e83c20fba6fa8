package dev.warden.domain.shared;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order a caller chose for a list: one field of the list's allow-list, ascending or descending.
 * Items equal on that field follow their id, so pages neither overlap nor skip an item.
 */
public record Sort<F extends Enum<F> & SortField<T>, T>(F field, boolean descending) {

    public Sort {
        Objects.requireNonNull(field, "field");
    }

    /** The whole order, for a store that sorts in memory; a database store must give the same. */
    public Comparator<T> comparator(Function<T, UUID> id) {
        Comparator<T> byField = descending ? field.comparator().reversed() : field.comparator();
        // A uuid's text orders as PostgreSQL orders uuids (UUID.compareTo compares signed halves).
        return byField.thenComparing(item -> id.apply(item).toString());
    }

    /** Text compared by code point: the order of PostgreSQL's "C" collation over UTF-8. */
    public static int compareText(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
