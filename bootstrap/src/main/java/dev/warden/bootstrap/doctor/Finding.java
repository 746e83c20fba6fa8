package dev.warden.bootstrap.doctor;

import java.util.Objects;

/**
 * What one check found, in plain words for the operator: never a secret.
 *
 * @param subject what was checked ("database", "meta token", "slack hooks.slack.com")
 * @param text    what was found and, unless all is well, what to do about it
 */
public record Finding(String subject, Verdict verdict, String text) {

    /** FAIL makes {@code warden doctor} exit 1; an optional part left unconfigured (or unchecked) is no failure. */
    public enum Verdict {
        OK("OK"), WARN("WARN"), FAIL("FAIL"), NOT_CONFIGURED("--");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    public Finding {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(text, "text");
    }

    static Finding ok(String subject, String text) {
        return new Finding(subject, Verdict.OK, text);
    }

    static Finding warn(String subject, String text) {
        return new Finding(subject, Verdict.WARN, text);
    }

    static Finding fail(String subject, String text) {
        return new Finding(subject, Verdict.FAIL, text);
    }

    static Finding notConfigured(String subject, String text) {
        return new Finding(subject, Verdict.NOT_CONFIGURED, "not configured: " + text);
    }

    static Finding notChecked(String subject, String text) {
        return new Finding(subject, Verdict.NOT_CONFIGURED, "not checked: " + text);
    }

    /** One line: {@code FAIL  smtp: ...}. */
    public String line() {
        return String.format("%-5s %s: %s", verdict.label, subject, text);
    }
}
