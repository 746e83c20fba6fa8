package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JooqInstanceSettingsIT {

    @Test
    void keeps_the_first_generated_value() {
        JooqInstanceSettings settings = new JooqInstanceSettings(TestDatabase.emptyDatabase());

        String first = settings.getOrCreate("jwt-secret", () -> "generated-once");
        String second = settings.getOrCreate("jwt-secret", () -> "generated-twice");

        assertThat(first).isEqualTo("generated-once");
        assertThat(second).isEqualTo("generated-once");
    }
}
