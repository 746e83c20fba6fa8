package dev.warden.bootstrap.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The database URL doctor prints, and the driver messages that quote it: never a password. */
class DatabaseCheckTest {

    /** Passwords as people write them into URLs, encoded or not ("S3" marks them; no space, '&' or ';' inside). */
    private static final Gen<String> PASSWORDS = strings().betweenCodePoints('!', '~').ofLengthBetween(1, 12)
            .map(tail -> "S3" + tail.replaceAll("[&;@/?#]", "x"));

    @Test
    void neither_the_shown_url_nor_a_message_quoting_the_url_holds_its_password() {
        qt().withExamples(300).forAll(PASSWORDS).checkAssert(password -> {
            for (String url : new String[] {
                    "jdbc:postgresql://db.example:5432/warden?user=w&password=" + password,
                    "jdbc:postgres://w:" + password + "@db.example:5432/warden",
                    "jdbc:postgresql://w:" + password + "@db.example/warden?password=" + password + "&ssl=true"}) {
                assertThat(DatabaseCheck.shown(url)).startsWith("jdbc:postgres").contains("db.example")
                        .doesNotContain(password);
                assertThat(DatabaseCheck.redacted("No suitable driver found for " + url, url))
                        .contains("db.example").doesNotContain(password);
                assertThat(DatabaseCheck.redacted("Unable to obtain connection (" + url.replace("jdbc:", "") + ")", url))
                        .doesNotContain(password);
            }
        });
    }

    @Test
    void examples() {
        assertThat(DatabaseCheck.shown("jdbc:postgresql://h:5432/warden?user=w&password=s3cret%zz"))
                .isEqualTo("jdbc:postgresql://h:5432/warden");
        assertThat(DatabaseCheck.shown("jdbc:postgres://w:s3cret@h/warden")).isEqualTo("jdbc:postgres://h/warden");
        assertThat(DatabaseCheck.shown("jdbc:postgresql://h/warden")).isEqualTo("jdbc:postgresql://h/warden");
        assertThat(DatabaseCheck.redacted("FATAL: password=s3cret; rejected\n  at h", ""))
                .isEqualTo("FATAL: password=<hidden>; rejected at h");
        assertThat(DatabaseCheck.redacted(null, "jdbc:postgresql://h/warden")).isEqualTo("no reason given");
    }
}
