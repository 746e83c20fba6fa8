package dev.warden.adapters.persistence;

import org.jooq.DSLContext;

/**
 * Persistence adapter: lets the rest of the caller's transaction plan generically (ADR 0032).
 *
 * <p>Every connection plans each statement afresh ({@code plan_cache_mode = force_custom_plan}, set when it is
 * opened, ADR 0007). That also applies to the plans of the foreign keys' checks, which PostgreSQL runs once per row
 * written: on the webhook hot path each check was planned again for every row. Under {@code auto} PostgreSQL keeps a
 * generic plan per statement (and per check) once it costs no more than the custom plans made so far. Such a plan is
 * made with the table's size of that moment and stays until the table is vacuumed or analysed: the risk ADR 0007 met,
 * which ADR 0032 takes for the writer's inserts (no scan to choose) and the inbox batch (key lookups and their checks,
 * with the claim itself still planned afresh). {@code SET LOCAL} ends with the transaction, committed or rolled back.
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
