package dev.warden.adapters.notify.myoperator;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom Warden sends WhatsApp alerts through MyOperator. The alert goes out as an
 * approved template (business-initiated messages outside the 24-hour window must be), whose body
 * placeholders are {{1}} title, {{2}} text, {{3}} dashboard link.
 */
public record MyOperatorSettings(String baseUrl, String apiKey, String companyId, String phoneNumberId,
                                 String templateName, String language, String dashboardUrl, Duration timeout) {

    public MyOperatorSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return "MyOperatorSettings[" + baseUrl + ", company " + companyId + ", template " + templateName + "]";
    }
}
