package dev.warden.adapters.meta.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * How Warden sends WhatsApp alerts through Meta's Cloud API: from its own business number, as an
 * approved template (a business-initiated message outside the 24-hour window must be one), whose
 * body placeholders are {{1}} title, {{2}} text, {{3}} dashboard link.
 *
 * @param phoneNumberId Meta's id of the sending number (not the number itself); the access token must reach it
 * @param timeout       one send at most, connect included
 */
public record MetaAlertSettings(String phoneNumberId, String templateName, String language, String dashboardUrl,
                                Duration timeout) {

    public MetaAlertSettings {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        if (!phoneNumberId.matches("[0-9]{1,30}")) {
            // It becomes a URL path segment: digits only, as Meta's ids are.
            throw new IllegalArgumentException("the Meta phone number id must be Meta's numeric id, was '"
                    + phoneNumberId + "'");
        }
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        Objects.requireNonNull(timeout, "timeout");
    }
}
