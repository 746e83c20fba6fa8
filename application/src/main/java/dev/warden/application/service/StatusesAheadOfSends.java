package dev.warden.application.service;

/**
 * A {@code messages} change reports statuses of message ids no send has yet, while a send of its WABA is
 * being handed to the provider: Meta's status webhook can overtake the dispatcher recording the id Meta
 * answered with. The change is tried again shortly, without spending an attempt (ProcessWebhookChangeService).
 */
final class StatusesAheadOfSends extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StatusesAheadOfSends(long statuses) {
        super(statuses + " statuses name message ids no send has yet, while a send of the WABA is being made;"
                + " tried again once it is recorded");
    }
}
