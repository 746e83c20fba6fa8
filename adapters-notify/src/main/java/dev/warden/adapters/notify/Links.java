package dev.warden.adapters.notify;

import dev.warden.domain.notification.NotificationMessage;

/** The dashboard link of a message: WARDEN_DASHBOARD_URL in front of the message's path. */
public final class Links {

    private Links() {
    }

    public static String dashboard(String dashboardUrl, NotificationMessage message) {
        String base = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        return base + message.dashboardPath();
    }

    /** Cuts text to a provider's limit, marking the cut. */
    public static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
