package dev.warden.bootstrap.doctor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Slack: does each host the organisations' incoming webhooks point at answer? Only the host is
 * called, never a webhook URL: the URL is a credential, and Slack has no call that checks one
 * without posting a message to the channel. Whether a URL was revoked shows in the first delivery
 * (a channel alert says so); this finds what stops every delivery: DNS, a firewall, a proxy.
 */
final class SlackCheck {

    static final String SUBJECT = "slack";

    private SlackCheck() {
    }

    /** One finding per host, with how many organisations use it; one "not configured" when none does. */
    static List<Finding> check(List<URI> webhookUrls, Reachability reachability) {
        if (webhookUrls.isEmpty()) {
            return List.of(Finding.notConfigured(SUBJECT, "no organisation has a Slack webhook URL in its"
                    + " notification preferences"));
        }
        Map<String, List<URI>> byOrigin = new TreeMap<>();
        webhookUrls.forEach(url -> byOrigin.computeIfAbsent(Reachability.origin(url), origin -> new ArrayList<>())
                .add(url));
        List<Finding> findings = new ArrayList<>();
        byOrigin.forEach((origin, urls) -> {
            StringBuilder problem = new StringBuilder();
            Optional<Integer> status = reachability.status(urls.get(0), problem);
            String users = urls.size() + " organisation(s)";
            findings.add(status.isPresent()
                    ? Finding.ok(SUBJECT + " " + origin, "answers (HTTP " + status.get() + "); used by " + users)
                    : Finding.fail(SUBJECT + " " + origin, "cannot reach it (" + problem + "), so alerts to "
                            + users + " cannot go out: check that this host may make outbound HTTPS calls"
                            + " (proxy, firewall, DNS)"));
        });
        return findings;
    }
}
