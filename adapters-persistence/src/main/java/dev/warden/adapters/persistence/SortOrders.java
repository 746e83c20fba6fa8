package dev.warden.adapters.persistence;

import java.util.List;
import java.util.UUID;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * A caller's chosen list order in SQL, built to match the domain's comparators ({@code Sort}): text by
 * code point, enumerated values in their declared order, ties by id.
 */
final class SortOrders {

    private SortOrders() {
    }

    /** Text as the domain compares it: PostgreSQL's "C" collation orders UTF-8 by code point. */
    static Field<String> text(Field<String> column) {
        return column.collate("C");
    }

    /** An enum's column in the order the enum declares its constants, not alphabetically. */
    static <E extends Enum<E>> Field<Integer> declared(Field<String> column, Class<E> type) {
        CaseValueStep<String> choose = DSL.choose(column);
        CaseWhenStep<String, Integer> rank = null;
        for (E constant : type.getEnumConstants()) {
            rank = rank == null ? choose.when(DSL.inline(constant.name()), DSL.inline(constant.ordinal()))
                    : rank.when(DSL.inline(constant.name()), DSL.inline(constant.ordinal()));
        }
        return rank.otherwise(DSL.inline(type.getEnumConstants().length));
    }

    /** The field in the chosen direction, then the id ascending. */
    static List<SortField<?>> by(Field<?> field, boolean descending, Field<UUID> id) {
        return List.of(descending ? field.desc() : field.asc(), id.asc());
    }
}
