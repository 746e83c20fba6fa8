package dev.warden.application.service;

import dev.warden.application.port.out.MetaCallFailed;
import dev.warden.application.port.out.MetaTemplateCatalog;
import dev.warden.application.port.out.MetaTemplateView;
import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.alert.AlertSeverity;
import dev.warden.domain.alert.AlertSubject;
import dev.warden.domain.alert.AlertType;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.governance.SendErrorRules;
import dev.warden.domain.governance.TemplateMention;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.SendResult;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.DomainEventPublisher;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateKey;
import dev.warden.domain.template.TemplateSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The circuit breaker (ADR 0018, {@link SendErrorRules}): a template send Meta refused as paused or
 * disabled holds every campaign of the template at once (SEND_ERROR). "Paused" is then asked of Meta
 * ({@code GET} of the template, at most once per template per {@link ConfirmationCoolDown#WINDOW}):
 * a status that cannot be sent is governed as a reconciliation would govern it (history, template
 * holds, alerts); APPROVED means portfolio pacing, a CRITICAL alert about the WABA and a hold a person
 * lifts on every campaign of the WABA. Each step is a short transaction of its own, after the call; a
 * Meta that cannot be asked leaves the send-error hold, which the template's next approval or a person's
 * resume lifts.
 */
public final class CircuitBreaker implements TemplateRefusals {

    private final GovernancePorts governance;
    private final MetaTemplateCatalog meta;
    private final Alerting alerting;
    private final UnitOfWork unitOfWork;
    private final DomainEventPublisher publisher;
    private final ServerLog log;
    private final Clock clock;
    private final ConfirmationCoolDown coolDown = new ConfirmationCoolDown();

    public CircuitBreaker(GovernancePorts governance, MetaTemplateCatalog meta, Alerting alerting,
                          UnitOfWork unitOfWork, DomainEventPublisher publisher, ServerLog log, Clock clock) {
        this.governance = governance;
        this.meta = meta;
        this.alerting = alerting;
        this.unitOfWork = unitOfWork;
        this.publisher = publisher;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void refused(OrganizationId organizationId, OutboundMessage message, SendResult.Refused refused) {
        Optional<TemplateId> templateId = message.template().map(OutboundMessage.TemplateRef::id);
        Instant now = clock.instant();
        Optional<Hold> hold = SendErrorRules.forRefusal(refused.refusal(), now);
        if (templateId.isEmpty() || hold.isEmpty()) {
            return;
        }
        boolean asksMeta = SendErrorRules.asksMeta(refused.refusal());
        Held held = unitOfWork.inTransaction(() -> hold(organizationId, message.wabaId(), templateId.get(), hold.get(),
                asksMeta, now));
        publisher.publish(held.events());
        if (!asksMeta || held.paced()) {
            return;
        }
        ConfirmationCoolDown.Decision decision = coolDown.claim(templateId.get(), now);
        if (decision instanceof ConfirmationCoolDown.Decision.Ask) {
            confirm(organizationId, templateId.get());
        } else if (decision instanceof ConfirmationCoolDown.Decision.Answered answered
                && answered.verdict().filter(v -> v == SendErrorRules.Verdict.PORTFOLIO_PACING).isPresent()) {
            // Meta said APPROVED moments ago and still drops sends (a person released pacing too soon).
            find(organizationId, templateId.get()).ifPresent(template -> pace(organizationId, template));
        }
    }

    private record Held(List<DomainEvent> events, boolean paced) {
    }

    /**
     * The send-error hold; but a "paused" while the WABA's pacing alert is open is that pacing again: its
     * hold goes on the template's campaigns instead (a campaign started since is held too), and Meta is
     * not asked again. The alert is read again after the hold, whose statement waited for any pacing
     * being placed on these campaigns meanwhile: a send-error hold placed after pacing lifted them would
     * otherwise stay, as the template never becomes APPROVED again.
     */
    private Held hold(OrganizationId organizationId, WabaId wabaId, TemplateId templateId, Hold sendError,
                      boolean asksMeta, Instant now) {
        AlertSubject waba = AlertSubject.waba(wabaId.value());
        if (asksMeta && alerting.isUnresolved(organizationId, waba, AlertType.PORTFOLIO_PACING)) {
            return new Held(List.copyOf(governance.campaigns().placeHold(organizationId, templateId,
                    SendErrorRules.pacingHold(now))), true);
        }
        List<DomainEvent> events = new ArrayList<>(governance.campaigns().placeHold(organizationId, templateId,
                sendError));
        if (asksMeta && alerting.isUnresolved(organizationId, waba, AlertType.PORTFOLIO_PACING)) {
            events.addAll(governance.campaigns().placeHold(organizationId, templateId, SendErrorRules.pacingHold(now)));
            events.addAll(governance.campaigns().liftHold(organizationId, templateId, HoldCause.SEND_ERROR, true, now));
            return new Held(events, true);
        }
        return new Held(events, false);
    }

    private Optional<TemplateSnapshot> find(OrganizationId organizationId, TemplateId templateId) {
        return unitOfWork.inTransaction(() -> governance.templates().findById(organizationId, templateId)
                .map(MessageTemplate::snapshot));
    }

    private void confirm(OrganizationId organizationId, TemplateId templateId) {
        Optional<TemplateSnapshot> template = find(organizationId, templateId);
        if (template.isEmpty() || template.get().metaTemplateId().isEmpty() || !meta.configured()) {
            return;
        }
        TemplateSnapshot known = template.get();
        TemplateKey key = new TemplateKey(known.wabaId(), known.metaTemplateId().get());
        Optional<MetaTemplateView> atMeta;
        try {
            atMeta = meta.template(key.wabaId(), key.metaTemplateId());
        } catch (MetaCallFailed e) {
            log.warning("Meta refused a send of template " + describe(known) + " as paused and could not be asked"
                    + " whether it is (" + e.getMessage() + "); its campaigns stay held until it is APPROVED again");
            return;
        }
        if (atMeta.isEmpty()) {
            log.warning("Meta refused a send of template " + describe(known) + " as paused and does not know it"
                    + " any more; its campaigns stay held");
            return;
        }
        SendErrorRules.Verdict verdict = SendErrorRules.confirmed(atMeta.get().status());
        coolDown.answered(templateId, verdict);
        switch (verdict) {
            case PORTFOLIO_PACING -> pace(organizationId, known);
            case TEMPLATE_NOT_SENDABLE -> apply(organizationId, key, known, atMeta.get());
            case UNDECIDED -> log.warning("Meta refused a send of template " + describe(known) + " as paused and"
                    + " answers its status as " + atMeta.get().status().name() + "; its campaigns stay held");
        }
    }

    /** Meta's status, governed as a reconciliation finding it would be: the one path every change of Meta's takes. */
    private void apply(OrganizationId organizationId, TemplateKey key, TemplateSnapshot known, MetaTemplateView view) {
        Instant now = clock.instant();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> governance.governBatch(
                Map.of(organizationId, List.of(key)), governor -> {
                    List<DomainEvent> caused = new ArrayList<>();
                    Optional<TemplateSnapshot> local = governor.current(organizationId, key);
                    TemplateMention mention = new TemplateMention(key, known.name().value(), known.language().value(),
                            null);
                    for (ReportedChange change : CatalogDiff.changes(local, view, now)) {
                        caused.addAll(governor.govern(organizationId, mention, change, now).events());
                    }
                    return caused;
                }));
        publisher.publish(events);
    }

    /**
     * Portfolio pacing: every campaign of the WABA held for a person to release, and the CRITICAL alert
     * (one per WABA; a repeat bumps its count). The template itself is fine, so its send-error hold goes:
     * the pacing hold, placed first in the same transaction, keeps those campaigns held.
     */
    private void pace(OrganizationId organizationId, TemplateSnapshot template) {
        Instant now = clock.instant();
        WabaId waba = template.wabaId();
        List<DomainEvent> events = unitOfWork.inTransaction(() -> {
            List<DomainEvent> caused = new ArrayList<>(governance.campaigns().placeHoldOnWaba(organizationId, waba,
                    SendErrorRules.pacingHold(now)));
            caused.addAll(governance.campaigns().liftHold(organizationId, template.id(), HoldCause.SEND_ERROR, true,
                    now));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("wabaId", waba.value());
            details.put("templateId", template.id().toString());
            details.put("templateName", template.name().value());
            details.put("language", template.language().value());
            caused.add(alerting.raise(organizationId, AlertType.PORTFOLIO_PACING, AlertSeverity.CRITICAL,
                    AlertSubject.waba(waba.value()), "Meta drops sends of WABA " + waba + " as paused while template "
                            + describe(template) + " is still APPROVED: portfolio pacing. Every campaign of the WABA"
                            + " is held; a person releases them (POST /api/v1/whatsapp-accounts/" + waba.value()
                            + "/pacing/release) once Meta's feedback on the business portfolio has recovered.",
                    details, now));
            return caused;
        });
        publisher.publish(events);
    }

    private static String describe(TemplateSnapshot template) {
        return template.name() + " (" + template.language() + ")";
    }
}
