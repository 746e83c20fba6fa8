package dev.warden.adapters.persistence;

import static dev.warden.adapters.persistence.jooq.Tables.INSTANCE_SETTINGS;

import dev.warden.application.port.out.InstanceSettings;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/** Persistence adapter: settings Warden generates for itself, first writer wins. */
@Singleton
public final class JooqInstanceSettings implements InstanceSettings {

    private final DSLContext dsl;

    public JooqInstanceSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public String getOrCreate(String name, Supplier<String> generated) {
        dsl.insertInto(INSTANCE_SETTINGS)
                .set(INSTANCE_SETTINGS.NAME, name)
                .set(INSTANCE_SETTINGS.VALUE, generated.get())
                .set(INSTANCE_SETTINGS.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        return dsl.select(INSTANCE_SETTINGS.VALUE).from(INSTANCE_SETTINGS).where(INSTANCE_SETTINGS.NAME.eq(name))
                .fetchSingle(INSTANCE_SETTINGS.VALUE);
    }
}
