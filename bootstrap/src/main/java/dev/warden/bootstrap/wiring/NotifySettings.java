package dev.warden.bootstrap.wiring;

import dev.warden.adapters.notify.email.SmtpSettings;
import io.micronaut.core.value.PropertyResolver;
import java.time.Duration;
import java.util.Optional;

/** The notification settings of application.yml (docs/configuration.md lists their environment names). */
public record NotifySettings(String dashboardUrl, String smtpHost, int smtpPort, String smtpUsername, String smtpPassword,
                      String smtpFrom, boolean smtpStartTls, String myOperatorUrl, String myOperatorApiKey,
                      String myOperatorCompanyId, String myOperatorPhoneNumberId, String myOperatorTemplate,
                      String myOperatorLanguage, String metaAlertPhoneNumberId, String metaAlertTemplate,
                      String metaAlertTemplateLanguage, Duration timeout, Duration claimTimeout, int batchSize,
                      int workerThreads, int concurrency, boolean allowPlainHttpSlack) {

    public static NotifySettings from(PropertyResolver p) {
        return new NotifySettings(p.getProperty("warden.dashboard-url", String.class, "http://localhost:8080"),
                p.getProperty("warden.smtp.host", String.class, ""),
                p.getProperty("warden.smtp.port", Integer.class, 587),
                p.getProperty("warden.smtp.username", String.class, ""),
                p.getProperty("warden.smtp.password", String.class, ""),
                p.getProperty("warden.smtp.from", String.class, "warden@localhost"),
                p.getProperty("warden.smtp.starttls", Boolean.class, true),
                p.getProperty("warden.myoperator.url", String.class, "https://publicapi.myoperator.co"),
                p.getProperty("warden.myoperator.api-key", String.class, ""),
                p.getProperty("warden.myoperator.company-id", String.class, ""),
                p.getProperty("warden.myoperator.phone-number-id", String.class, ""),
                p.getProperty("warden.myoperator.template", String.class, "warden_alert"),
                p.getProperty("warden.myoperator.language", String.class, "en"),
                p.getProperty("warden.meta.alerts.phone-number-id", String.class, "").strip(),
                p.getProperty("warden.meta.alerts.template", String.class, "warden_alert"),
                p.getProperty("warden.meta.alerts.template-language", String.class, "en"),
                p.getProperty("warden.notify.timeout", Duration.class, Duration.ofSeconds(10)),
                p.getProperty("warden.notify.claim-timeout", Duration.class, Duration.ofMinutes(2)),
                Math.max(1, p.getProperty("warden.notify.batch-size", Integer.class, 50)),
                Math.max(1, p.getProperty("warden.notify.workers.threads", Integer.class, 4)),
                Math.max(1, p.getProperty("warden.notify.workers.concurrency", Integer.class, 32)),
                p.getProperty("warden.notify.allow-plain-http-slack", Boolean.class, false));
    }

    /** The SMTP server alert e-mail goes through; empty when WARDEN_SMTP_HOST is not set. */
    public Optional<SmtpSettings> smtp() {
        return smtpHost.isBlank() ? Optional.empty() : Optional.of(new SmtpSettings(smtpHost, smtpPort,
                nonBlank(smtpUsername), nonBlank(smtpPassword), smtpFrom, smtpStartTls, dashboardUrl, timeout));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "NotifySettings[smtp " + smtpHost + ":" + smtpPort + ", myoperator " + myOperatorUrl + ", meta alerts from "
                + (metaAlertPhoneNumberId.isBlank() ? "nobody" : metaAlertPhoneNumberId) + "]";
    }
}
