package dev.warden.application.service;

import dev.warden.application.port.out.CampaignSends;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.TemplateChoice;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.Optional;

/**
 * The template a campaign's send goes with, chosen again right before its provider call (docs/adr/0020): the
 * campaign's own template while it is sendable, else its fallback ({@link TemplateChoice#pick}, the event
 * sends' rule). A send may have waited in the outbox since before a pause, or since before a recovery, so the
 * choice made when it was queued is not kept. A changed choice is stored on the send before the call, so the
 * send's {@code fallbackFrom} is true whatever the call's outcome. When neither template may go (both not
 * sendable, or the fallback's parameters changed since) the send goes as it is and the provider's answer
 * decides, as for a campaign without a fallback: the campaign is held by then when neither is sendable.
 */
final class CampaignFallback {

    private final CampaignSends sends;
    private final TemplateRepository templates;

    CampaignFallback(CampaignSends sends, TemplateRepository templates) {
        this.sends = sends;
        this.templates = templates;
    }

    /** The send with its template chosen now, and the choice when the campaign names a fallback. */
    record Chosen(Notification send, Optional<TemplateChoice> choice) {
    }

    /** In the pre-call check's transaction; the campaign runs. */
    Chosen choose(Notification notification, CampaignId campaign) {
        OrganizationId scope = notification.organizationId();
        Optional<TemplateId> fallbackId = sends.fallbackOf(scope, campaign);
        if (fallbackId.isEmpty()) {
            return new Chosen(notification, Optional.empty());
        }
        OutboundMessage queued = notification.outbound().orElseThrow();
        OutboundMessage.TemplateRef ref = queued.template().orElseThrow();
        // Queued with the campaign's own template; a send chosen again before names it in fallbackFrom.
        TemplateId own = queued.fallbackFrom().map(OutboundMessage.FallbackFrom::id).orElse(ref.id());
        Optional<TemplateSnapshot> primary = find(scope, own);
        Optional<TemplateSnapshot> fallback = find(scope, fallbackId.get());
        if (primary.isEmpty() || fallback.isEmpty()) {
            return new Chosen(notification, Optional.empty());
        }
        TemplateChoice choice;
        try {
            choice = TemplateChoice.pick(primary.get(), fallback);
        } catch (TemplateNotSendable neither) {
            return new Chosen(notification, Optional.empty());
        }
        OutboundMessage chosen = queued.sending(refOf(choice.template(), ref), choice.fallbackFrom());
        if (chosen.equals(queued)) {
            return new Chosen(notification, Optional.of(choice));
        }
        Notification send = notification.sending(chosen);
        sends.storeChoice(send);
        return new Chosen(send, Optional.of(choice));
    }

    private Optional<TemplateSnapshot> find(OrganizationId scope, TemplateId id) {
        return templates.findById(scope, id).map(MessageTemplate::snapshot);
    }

    /** The same parameter format by the same-parameters rule; the name, language and category are the template's. */
    private static OutboundMessage.TemplateRef refOf(TemplateSnapshot template, OutboundMessage.TemplateRef queued) {
        return new OutboundMessage.TemplateRef(template.id(), template.name().value(), template.language().value(),
                template.category(), queued.parameterFormat());
    }
}
