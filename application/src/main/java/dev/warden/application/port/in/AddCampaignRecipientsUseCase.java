package dev.warden.application.port.in;

/** Use case: queue a campaign's template for more recipients, each once however often it is added. */
public interface AddCampaignRecipientsUseCase {

    /** How many recipients were new to the campaign, and how many it had already (or named twice in the call). */
    record RecipientsAdded(int added, int alreadyPresent) {
    }

    RecipientsAdded addRecipients(Actor actor, AddCampaignRecipientsCommand command);
}
