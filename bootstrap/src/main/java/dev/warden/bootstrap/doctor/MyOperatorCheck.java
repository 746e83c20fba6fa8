package dev.warden.bootstrap.doctor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MyOperator, which carries WhatsApp alerts for organisations that chose it: is an API key set, and
 * does its API's host answer? The key itself is not tried: MyOperator has no call that checks a key
 * without sending a message.
 */
final class MyOperatorCheck {

    static final String SUBJECT = "myoperator";

    private MyOperatorCheck() {
    }

    static Finding check(String url, String apiKey, String companyId, String phoneNumberId,
                                Reachability reachability) {
        if (apiKey.isBlank()) {
            return Finding.notConfigured(SUBJECT, "WARDEN_MYOPERATOR_API_KEY is not set, so no WhatsApp alert goes"
                    + " through MyOperator");
        }
        URI base;
        try {
            base = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Finding.fail(SUBJECT, "WARDEN_MYOPERATOR_URL is not a URL");
        }
        StringBuilder problem = new StringBuilder();
        Optional<Integer> status = reachability.status(base, problem);
        if (status.isEmpty()) {
            return Finding.fail(SUBJECT, "cannot reach " + Reachability.origin(base) + " (" + problem
                    + "): check WARDEN_MYOPERATOR_URL and that this host may make outbound HTTPS calls");
        }
        List<String> missing = new ArrayList<>();
        if (companyId.isBlank()) {
            missing.add("WARDEN_MYOPERATOR_COMPANY_ID");
        }
        if (phoneNumberId.isBlank()) {
            missing.add("WARDEN_MYOPERATOR_PHONE_NUMBER_ID");
        }
        String reached = Reachability.origin(base) + " answers (HTTP " + status.get() + "), API key set";
        return missing.isEmpty() ? Finding.ok(SUBJECT, reached)
                : Finding.warn(SUBJECT, reached + ", but " + String.join(" and ", missing)
                        + " not: every message to MyOperator carries them");
    }
}
