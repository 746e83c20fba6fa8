package dev.warden.domain.campaign;

/**
 * How far a campaign's sends are, counted over the sends Warden keeps (SENT ones go after the
 * notification retention once the campaign is finished).
 *
 * @param sent      accepted by the provider
 * @param failed    refused for good, or out of attempts
 * @param held      waiting while the campaign is not RUNNING: they go when it runs again
 * @param remaining waiting, being sent or to be retried while the campaign is RUNNING
 * @param skipped   not sent by Warden's own rule (the contact opted out of marketing) or because a person
 *                  cancelled the campaign before it went
 */
public record CampaignProgress(long sent, long failed, long held, long remaining, long skipped) {

    public static final CampaignProgress NONE = new CampaignProgress(0, 0, 0, 0, 0);

    public CampaignProgress {
        if (sent < 0 || failed < 0 || held < 0 || remaining < 0 || skipped < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }
}
