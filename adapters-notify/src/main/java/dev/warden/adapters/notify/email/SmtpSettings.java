package dev.warden.adapters.notify.email;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The SMTP server Warden sends alert e-mail through (WARDEN_SMTP_*). The password never shows in toString. */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password,
                           String from, boolean startTls, String dashboardUrl, Duration timeout) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from " + from + ", starttls " + startTls + "]";
    }
}
