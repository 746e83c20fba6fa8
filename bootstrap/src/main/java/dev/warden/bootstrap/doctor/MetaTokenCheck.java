package dev.warden.bootstrap.doctor;

import dev.warden.adapters.meta.graph.GraphSettings;
import dev.warden.adapters.meta.graph.GraphTokenProbe;
import dev.warden.application.port.out.MetaCallFailed;

/**
 * The Meta access token: does Meta accept it, asked through the configured Graph API URL? Without
 * one Warden runs, but reconciliation is off (a WARN: missed webhooks are never healed).
 */
final class MetaTokenCheck {

    static final String SUBJECT = "meta token";

    private MetaTokenCheck() {
    }

    static Finding check(GraphSettings settings) {
        if (!settings.hasToken()) {
            return Finding.warn(SUBJECT, "WARDEN_META_ACCESS_TOKEN is not set: reconciliation with Meta is off, so a"
                    + " missed webhook is never healed, and templates cannot be submitted; set a system-user token");
        }
        try {
            String owner = new GraphTokenProbe(settings).owner();
            return Finding.ok(SUBJECT, "Meta accepts it (" + owner + ") at " + settings.baseUrl());
        } catch (MetaCallFailed e) {
            return switch (e.kind()) {
                case ACCESS_DENIED -> Finding.fail(SUBJECT, "Meta refused the token: " + e.getMessage()
                        + ". It expired, was revoked or lacks permissions: create a new system-user token with"
                        + " whatsapp_business_management in Meta's Business Settings and set WARDEN_META_ACCESS_TOKEN");
                case UNAVAILABLE -> Finding.fail(SUBJECT, e.getMessage() + ". Check WARDEN_META_GRAPH_URL and that"
                        + " this host may make outbound HTTPS calls (proxy, firewall, DNS)");
                case RATE_LIMITED -> Finding.warn(SUBJECT, "Meta rate-limits this app right now (" + e.getMessage()
                        + "); the token could not be checked: try again later");
                case MALFORMED_RESPONSE, REFUSED -> Finding.fail(SUBJECT, "unexpected answer from "
                        + settings.baseUrl() + ": " + e.getMessage() + ". Is WARDEN_META_GRAPH_URL Meta's Graph API"
                        + " with its version (https://graph.facebook.com/v24.0)?");
            };
        }
    }
}
