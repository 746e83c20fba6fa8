package dev.warden.adapters.persistence;

import org.jooq.DSLContext;

/**
 * Persistence adapter: lets the rest of the caller's transaction plan generically.
 *
 * <p>Every connection plans each statement afresh (ADR 0007), foreign keys' checks included, once per row; the webhook
 * hot path's transactions relax that for themselves only (ADR 0032, which also says what it risks).
 */
final class GenericPlans {

    private static final PreparedSql FOR_THE_REST_OF_THE_TRANSACTION = PreparedSql.ofSql(
            "SET LOCAL plan_cache_mode = auto", 0);

    private GenericPlans() {
    }

    /** Must run inside a transaction (outside one, PostgreSQL ignores it with a warning). */
    static void forTheRestOfTheTransaction(DSLContext dsl) {
        FOR_THE_REST_OF_THE_TRANSACTION.execute(dsl);
    }
}
