package dev.warden.bootstrap.doctor;

import dev.warden.adapters.notify.email.SmtpProbe;
import dev.warden.adapters.notify.email.SmtpSettings;

/** The SMTP server alert e-mail goes through: connect, EHLO, STARTTLS and AUTH as configured; no mail is sent. */
final class SmtpCheck {

    static final String SUBJECT = "smtp";

    private SmtpCheck() {
    }

    /** {@code settings} is empty when WARDEN_SMTP_HOST is not set: then nobody gets alert e-mail, which is allowed. */
    static Finding check(java.util.Optional<SmtpSettings> settings) {
        if (settings.isEmpty()) {
            return Finding.notConfigured(SUBJECT, "WARDEN_SMTP_HOST is not set, so no alert goes out by e-mail");
        }
        SmtpSettings smtp = settings.get();
        String server = smtp.host() + ":" + smtp.port() + (smtp.startTls() ? " (STARTTLS)" : " (no TLS)");
        SmtpProbe.Outcome outcome = SmtpProbe.check(smtp);
        return switch (outcome.result()) {
            case ACCEPTED -> Finding.ok(SUBJECT, server + " accepts Warden, " + outcome.detail());
            case UNREACHABLE -> Finding.fail(SUBJECT, "cannot reach " + outcome.detail()
                    + ": check WARDEN_SMTP_HOST and WARDEN_SMTP_PORT, and that this host may connect to it");
            case CREDENTIALS_REFUSED -> Finding.fail(SUBJECT, server + " refused the username or password ("
                    + outcome.detail() + "): check WARDEN_SMTP_USERNAME and WARDEN_SMTP_PASSWORD");
            case FAILED -> Finding.fail(SUBJECT, server + ": " + outcome.detail() + (smtp.startTls()
                    ? ". If the server offers no STARTTLS, use its TLS port or set WARDEN_SMTP_STARTTLS=false"
                    + " only on a trusted network" : ""));
        };
    }
}
