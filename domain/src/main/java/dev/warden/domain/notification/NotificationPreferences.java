package dev.warden.domain.notification;

import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who hears of an organisation's alerts, and how: the channels per severity and each channel's
 * recipients. Checked once here, so the API and the dispatcher can trust what they read.
 *
 * @param escalateAfter how long a CRITICAL alert may stay unacknowledged before people hear of it again
 */
public record NotificationPreferences(OrganizationId organizationId, Map<AlertSeverity, Set<ChannelKind>> routes,
                                      List<String> emailRecipients, Optional<String> slackWebhookUrl,
                                      WhatsAppProvider whatsAppProvider, List<String> whatsAppNumbers,
                                      Duration escalateAfter) {

    /** Who carries WhatsApp alerts: MyOperator's API, or Meta's Cloud API directly. */
    public enum WhatsAppProvider { MYOPERATOR, META }

    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(30);
    static final int MAX_RECIPIENTS = 20;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public NotificationPreferences {
        Objects.requireNonNull(organizationId, "organizationId");
        EnumMap<AlertSeverity, Set<ChannelKind>> copy = new EnumMap<>(AlertSeverity.class);
        Objects.requireNonNull(routes, "routes").forEach((severity, kinds) -> copy.put(severity, Set.copyOf(kinds)));
        routes = Map.copyOf(copy);
        emailRecipients = List.copyOf(emailRecipients);
        Objects.requireNonNull(slackWebhookUrl, "slackWebhookUrl");
        Objects.requireNonNull(whatsAppProvider, "whatsAppProvider");
        whatsAppNumbers = List.copyOf(whatsAppNumbers);
        Objects.requireNonNull(escalateAfter, "escalateAfter");
    }

    /** Nobody is told anything until an admin says who. */
    public static NotificationPreferences none(OrganizationId organizationId) {
        return new NotificationPreferences(organizationId, Map.of(), List.of(), Optional.empty(),
                WhatsAppProvider.MYOPERATOR, List.of(), DEFAULT_ESCALATE_AFTER);
    }

    /**
     * Checks every field and names each one that is wrong.
     *
     * @param allowPlainHttp lets a Slack URL be http (tests and local stand-ins only)
     * @throws InvalidValue naming the first wrong field
     */
    public NotificationPreferences validated(boolean allowPlainHttp) {
        List<String> problems = new ArrayList<>();
        if (emailRecipients.size() > MAX_RECIPIENTS || whatsAppNumbers.size() > MAX_RECIPIENTS) {
            problems.add("at most " + MAX_RECIPIENTS + " recipients per channel");
        }
        for (String email : emailRecipients) {
            if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add("email.recipients: '" + shorten(email) + "' is not an e-mail address");
            }
        }
        for (String number : whatsAppNumbers) {
            if (number == null || !E164.matcher(number).matches()) {
                problems.add("whatsapp.numbers: '" + shorten(number) + "' is not an E.164 number (+ and 7 to 15 digits)");
            }
        }
        slackWebhookUrl.ifPresent(url -> slackProblem(url, allowPlainHttp).ifPresent(problems::add));
        if (escalateAfter.isNegative() || escalateAfter.isZero() || escalateAfter.compareTo(Duration.ofDays(7)) > 0) {
            problems.add("escalateAfterMinutes must be between 1 and 10080");
        }
        if (!problems.isEmpty()) {
            throw new InvalidValue(String.join("; ", problems));
        }
        return this;
    }

    /** The channels that should carry an alert of this severity and have somebody to reach. */
    public Set<ChannelKind> channelsFor(AlertSeverity severity) {
        return routes.getOrDefault(severity, Set.of());
    }

    /** The addresses a channel delivers to: one notification each. */
    public List<String> recipients(ChannelKind kind) {
        return switch (kind) {
            case EMAIL -> emailRecipients;
            case SLACK -> slackWebhookUrl.map(List::of).orElse(List.of());
            case WHATSAPP -> whatsAppNumbers;
        };
    }

    /** The Slack URL is a credential: shown only as its host and a hint of its end. */
    public static String maskSlackUrl(String url) {
        try {
            URI uri = URI.create(url);
            String tail = url.length() > 4 ? url.substring(url.length() - 4) : "";
            return uri.getScheme() + "://" + uri.getHost() + "/…" + tail;
        } catch (IllegalArgumentException e) {
            return "…";
        }
    }

    private static Optional<String> slackProblem(String url, boolean allowPlainHttp) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = scheme.equals("https") || (allowPlainHttp && scheme.equals("http"));
            if (!schemeOk || uri.getHost() == null || url.length() > 500) {
                return Optional.of("slack.webhookUrl must be an https URL");
            }
            return Optional.empty();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return Optional.of("slack.webhookUrl must be an https URL");
        }
    }

    private static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
