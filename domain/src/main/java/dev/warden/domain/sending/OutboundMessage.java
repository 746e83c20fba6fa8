package dev.warden.domain.sending;

import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.template.parameter.ParameterFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the business sends to a customer, as the outbox keeps it until a provider takes it: a
 * template with its values in order, or a free-form text. Everything the provider call needs is
 * here, fixed when it was queued, so a later edit of the mapping does not change a send in flight.
 * A campaign's send is the same record with its own cause (the campaign instead of an event).
 *
 * @param phoneNumberId the business number it goes from; empty for MyOperator's configured one
 * @param eventType     the business event that caused it, for a transactional send
 * @param campaignId    the campaign that sends it, for a campaign's send: it goes only while that campaign runs
 * @param fallbackFrom  the template it was meant to send, when that one was not sendable and
 *                      {@code template} is its fallback ({@link TemplateChoice})
 */
public record OutboundMessage(Kind kind, SendProvider provider, WabaId wabaId, Optional<String> phoneNumberId,
                              Recipient recipient, Optional<TemplateRef> template, List<Parameter> headerParameters,
                              List<Parameter> bodyParameters, Optional<String> text, Optional<EventType> eventType,
                              Optional<CampaignId> campaignId, Optional<FallbackFrom> fallbackFrom) {

    public enum Kind { TEMPLATE, TEXT }

    /** The template as it was when the send was queued. */
    public record TemplateRef(TemplateId id, String name, String language, TemplateCategory category,
                              ParameterFormat parameterFormat) {
        public TemplateRef {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(parameterFormat, "parameterFormat");
        }
    }

    /** The primary template a fallback stood in for, and the status that kept it from being sent. */
    public record FallbackFrom(TemplateId id, String name, String language, TemplateStatus status) {
        public FallbackFrom {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(status, "status");
        }
    }

    /** One variable's value; the name is "1", "2", ... for positional templates. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public OutboundMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        headerParameters = List.copyOf(headerParameters);
        bodyParameters = List.copyOf(bodyParameters);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(fallbackFrom, "fallbackFrom");
        if (kind == Kind.TEMPLATE && template.isEmpty() || kind == Kind.TEXT && text.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " message needs its " + (kind == Kind.TEXT ? "text"
                    : "template"));
        }
    }

    /** A message of no campaign, sending the template it was meant to. */
    public OutboundMessage(Kind kind, SendProvider provider, WabaId wabaId, Optional<String> phoneNumberId,
                           Recipient recipient, Optional<TemplateRef> template, List<Parameter> headerParameters,
                           List<Parameter> bodyParameters, Optional<String> text, Optional<EventType> eventType) {
        this(kind, provider, wabaId, phoneNumberId, recipient, template, headerParameters, bodyParameters, text,
                eventType, Optional.empty(), Optional.empty());
    }

    /** The same message, sent by a campaign. */
    public OutboundMessage of(CampaignId campaign) {
        return new OutboundMessage(kind, provider, wabaId, phoneNumberId, recipient, template, headerParameters,
                bodyParameters, text, eventType, Optional.of(campaign), fallbackFrom);
    }

    public static OutboundMessage template(SendProvider provider, WabaId wabaId, Optional<String> phoneNumberId,
                                           Recipient recipient, TemplateRef template, List<Parameter> header,
                                           List<Parameter> body, Optional<EventType> eventType) {
        return new OutboundMessage(Kind.TEMPLATE, provider, wabaId, phoneNumberId, recipient, Optional.of(template),
                header, body, Optional.empty(), eventType);
    }

    public static OutboundMessage text(WabaId wabaId, String phoneNumberId, Recipient recipient, String text) {
        return new OutboundMessage(Kind.TEXT, SendProvider.META, wabaId, Optional.of(phoneNumberId), recipient,
                Optional.empty(), List.of(), List.of(), Optional.of(text), Optional.empty());
    }

    /** This template message, recorded as sent in place of {@code primary}. */
    public OutboundMessage fallingBackFrom(FallbackFrom primary) {
        if (kind != Kind.TEMPLATE) {
            throw new IllegalArgumentException("only a template message has a fallback");
        }
        return new OutboundMessage(kind, provider, wabaId, phoneNumberId, recipient, template, headerParameters,
                bodyParameters, text, eventType, campaignId, Optional.of(primary));
    }

    /**
     * This template message with its template chosen again (a campaign's send, right before its call): the
     * same values, sent with {@code template}, in place of {@code fallbackFrom} when that is present.
     */
    public OutboundMessage sending(TemplateRef template, Optional<FallbackFrom> fallbackFrom) {
        if (kind != Kind.TEMPLATE) {
            throw new IllegalArgumentException("only a template message has a template to choose");
        }
        return new OutboundMessage(kind, provider, wabaId, phoneNumberId, recipient, Optional.of(template),
                headerParameters, bodyParameters, text, eventType, campaignId, fallbackFrom);
    }

    /**
     * This template message with its template's category as it is now: Meta may recategorise a template while
     * a send of it waits, and the block lists judge what Meta will bill, not what was queued.
     */
    public OutboundMessage billedAs(TemplateCategory category) {
        TemplateRef ref = template.orElseThrow(() -> new IllegalArgumentException("a free-form text has no category"));
        return sending(new TemplateRef(ref.id(), ref.name(), ref.language(), category, ref.parameterFormat()),
                fallbackFrom);
    }

    /** The category Meta bills and the block lists judge; empty for a free-form text. */
    public Optional<TemplateCategory> category() {
        return template.map(TemplateRef::category);
    }
}
