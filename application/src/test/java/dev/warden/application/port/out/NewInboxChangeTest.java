package dev.warden.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A stand-in for a change the inbox cannot hold: what it keeps of the original. */
class NewInboxChangeTest {

    @Test
    void a_stand_in_repeats_at_most_a_thousand_characters_of_an_entry_text_and_keeps_the_value_whole() {
        String hugeWaba = "9".repeat(100_000);
        String value = "{\"event\":\"APPROVED\",\"reason\":\"" + "x".repeat(5_000) + "\"}";
        NewInboxChange change = new NewInboxChange("key", "whatsapp_business_account", hugeWaba,
                "message_template_status_update", Instant.parse("2026-01-01T00:00:00Z"), value);

        NewInboxChange standIn = change.unstorable("entry.id is 100000 characters long; Warden keeps at most 64");

        assertThat(standIn.value())
                .contains("\"wabaId\":\"" + "9".repeat(NewInboxChange.MAX_REPEATED_TEXT) + "... (100000 characters)\"")
                .contains("x".repeat(5_000))
                .hasSizeLessThan(value.length() + 2 * NewInboxChange.MAX_REPEATED_TEXT);
        assertThat(standIn.wabaId()).as("a store clears what its column cannot hold").isEqualTo(hugeWaba);
        assertThat(standIn.idempotencyKey()).isEqualTo("key");
        assertThat(standIn.entryTime()).isNull();
    }
}
