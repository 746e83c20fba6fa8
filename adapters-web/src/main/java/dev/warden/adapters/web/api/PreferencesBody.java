package dev.warden.adapters.web.api;

import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Body of GET and PUT /api/v1/notification-preferences. Enumerations arrive as text so a wrong one is
 * a 400 that names the allowed values; GET shows the Slack URL masked.
 */
@Serdeable
record PreferencesBody(@Nullable List<Route> routes, @Nullable Email email, @Nullable Slack slack,
                       @Nullable WhatsApp whatsapp, @Nullable Escalation escalation) {

    @Serdeable
    record Route(@Nullable String severity, @Nullable List<String> channels) {
    }

    @Serdeable
    record Email(@Nullable List<String> recipients) {
    }

    @Serdeable
    record Slack(@Nullable String webhookUrl) {
    }

    @Serdeable
    record WhatsApp(@Nullable String provider, @Nullable List<String> numbers) {
    }

    /** @param criticalAfterMinutes how long a CRITICAL alert may stay unacknowledged before it is told again */
    @Serdeable
    record Escalation(@Nullable Integer criticalAfterMinutes) {
    }

    static PreferencesBody from(NotificationPreferences p) {
        List<Route> routes = p.routes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Route(e.getKey().name(), e.getValue().stream().sorted().map(Enum::name).toList()))
                .toList();
        return new PreferencesBody(routes, new Email(p.emailRecipients()),
                new Slack(p.slackWebhookUrl().map(NotificationPreferences::maskSlackUrl).orElse(null)),
                new WhatsApp(p.whatsAppProvider().name(), p.whatsAppNumbers()),
                new Escalation((int) p.escalateAfter().toMinutes()));
    }

    NotificationPreferences toDomain(OrganizationId organizationId) {
        Map<AlertSeverity, Set<ChannelKind>> byseverity = new EnumMap<>(AlertSeverity.class);
        for (Route route : orEmpty(routes)) {
            AlertSeverity severity = oneOf("routes[].severity", route.severity(), AlertSeverity.class);
            Set<ChannelKind> kinds = byseverity.computeIfAbsent(severity, s -> EnumSet.noneOf(ChannelKind.class));
            orEmpty(route.channels()).forEach(c -> kinds.add(oneOf("routes[].channels", c, ChannelKind.class)));
        }
        NotificationPreferences.WhatsAppProvider provider = whatsapp == null || whatsapp.provider() == null
                ? NotificationPreferences.WhatsAppProvider.MYOPERATOR
                : oneOf("whatsapp.provider", whatsapp.provider(), NotificationPreferences.WhatsAppProvider.class);
        int minutes = escalation == null || escalation.criticalAfterMinutes() == null
                ? (int) NotificationPreferences.DEFAULT_ESCALATE_AFTER.toMinutes() : escalation.criticalAfterMinutes();
        return new NotificationPreferences(organizationId, byseverity,
                email == null ? List.of() : orEmpty(email.recipients()),
                Optional.ofNullable(slack).map(Slack::webhookUrl).filter(url -> !url.isBlank()),
                provider, whatsapp == null ? List.of() : orEmpty(whatsapp.numbers()), Duration.ofMinutes(minutes));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > 100) {
            throw new InvalidValue("lists hold at most 100 entries");
        }
        if (list.contains(null)) {
            throw new InvalidValue("lists must not contain null");
        }
        return list;
    }

    private static <E extends Enum<E>> E oneOf(String name, String text, Class<E> type) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidValue(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                        + ", was '" + (text == null ? "null" : text.length() > 40 ? text.substring(0, 40) : text) + "'"));
    }
}
