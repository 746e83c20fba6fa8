package dev.warden.application.service;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.AddCampaignRecipientsCommand;
import dev.warden.application.port.in.AddCampaignRecipientsUseCase;
import dev.warden.application.port.in.CampaignNotFound;
import dev.warden.application.port.in.TemplateNotFound;
import dev.warden.application.port.out.CampaignSends;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.port.out.WabaPhoneNumbers;
import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignRepository;
import dev.warden.domain.campaign.CampaignTransitionRefused;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.RetryPolicy;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendProvider;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case implementation: a campaign's recipients become sends in the outbox (docs/adr/0016), one per
 * recipient however often it is added (dedupe key {@code campaign:<id>:<contact>}). They wait while the
 * campaign is not RUNNING. The first recipients fix whom the campaign sends from (a META number is checked
 * with Meta to be of the template's WABA, outside any transaction); later ones name the same or none.
 */
public final class AddCampaignRecipientsService implements AddCampaignRecipientsUseCase {

    private final CampaignRepository campaigns;
    private final TemplateRepository templates;
    private final CampaignSends sends;
    private final WabaPhoneNumbers numbers;
    private final RetryPolicy retryPolicy;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public AddCampaignRecipientsService(CampaignRepository campaigns, TemplateRepository templates,
                                        CampaignSends sends, WabaPhoneNumbers numbers, RetryPolicy retryPolicy,
                                        UnitOfWork unitOfWork, Clock clock) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.sends = sends;
        this.numbers = numbers;
        this.retryPolicy = retryPolicy;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The dedupe key of a campaign's send: its own prefix, so it never meets an event's or an alert's. */
    static String dedupeKey(CampaignId campaign, OutboundMessage message) {
        return "campaign:" + campaign + ":" + message.recipient().contact();
    }

    @Override
    public RecipientsAdded addRecipients(Actor actor, AddCampaignRecipientsCommand command) {
        CampaignId id = command.campaignId();
        OrganizationId scope = unitOfWork.inTransaction(() -> Scopes.of(actor, command.organizationId(),
                () -> campaigns.ownerOf(id), () -> new CampaignNotFound(id)));
        actor.requireWrite(scope);
        Target target = unitOfWork.inTransaction(() -> target(scope, id));
        Sender sender = command.sender().or(target::sender)
                .orElseThrow(() -> new InvalidValue("provider: campaign " + id + " has no sender yet; its first"
                        + " recipients name the provider (and a META phoneNumberId)"));
        requireSame(id, target.sender(), sender);
        if (sender.provider() == SendProvider.META && target.sender().isEmpty()) {
            SendChecks.requireNumberOfWaba(numbers, target.template().wabaId(), sender.phoneNumberId().orElseThrow());
        }
        List<OutboundMessage> messages = CampaignRecipientChecks.messages(sender, target.template(),
                TemplateMessages.content(target.template()), command.recipients());
        Instant now = clock.instant();
        List<Notification> queued = messages.stream().map(m -> Notification.send(scope, dedupeKey(id, m), m.of(id),
                retryPolicy.maxAttempts(ChannelKind.WHATSAPP), now)).toList();
        int added = unitOfWork.inTransaction(() -> {
            target(scope, id);
            Sender fixed = sends.fixSender(scope, id, sender).orElseThrow(() -> new CampaignTransitionRefused(id,
                    campaigns.findById(scope, id).orElseThrow(() -> new CampaignNotFound(id)).status(),
                    "take recipients"));
            requireSame(id, Optional.of(fixed), sender);
            return sends.add(queued);
        });
        return new RecipientsAdded(added, queued.size() - added);
    }

    private record Target(TemplateSnapshot template, Optional<Sender> sender) {
    }

    /** The open campaign's template and sender. */
    private Target target(OrganizationId scope, CampaignId id) {
        Campaign campaign = campaigns.findById(scope, id).orElseThrow(() -> new CampaignNotFound(id));
        if (campaign.status().isFinished()) {
            throw new CampaignTransitionRefused(id, campaign.status(), "take recipients");
        }
        TemplateSnapshot template = templates.findById(scope, campaign.templateId())
                .orElseThrow(() -> new TemplateNotFound(campaign.templateId())).snapshot();
        return new Target(template, sends.sender(scope, id));
    }

    private static void requireSame(CampaignId id, Optional<Sender> fixed, Sender named) {
        if (fixed.isPresent() && !fixed.get().equals(named)) {
            throw new DomainException("campaign " + id + " sends from " + fixed.get() + ", fixed by its first"
                    + " recipients; it cannot send from " + named + " too");
        }
    }
}
