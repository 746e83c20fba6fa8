package dev.warden.domain.sending;

import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.TemplateSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The template a send goes out with (issue 11 §6): the primary while it is sendable, otherwise a
 * fallback that is sendable and takes the same parameters, otherwise a refusal naming both. The rule
 * that two templates take the same parameters is {@link dev.warden.domain.template.content.TemplateContent#parameterDifferences}.
 * Event sends ask it when queued; a campaign's send asks it right before each provider call (docs/adr/0020).
 *
 * @param insteadOf the primary, when {@code template} is its fallback
 */
public record TemplateChoice(TemplateSnapshot template, Optional<TemplateSnapshot> insteadOf) {

    public TemplateChoice {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(insteadOf, "insteadOf");
    }

    /**
     * @param fallback the fallback named for the primary, if any (already in the language the send asks for)
     * @throws TemplateNotSendable when the primary is not sendable and no fallback may stand in
     *                             ({@link FallbackNotSendable} when one is named, saying why it may not)
     */
    public static TemplateChoice pick(TemplateSnapshot primary, Optional<TemplateSnapshot> fallback) {
        if (primary.sendable()) {
            return new TemplateChoice(primary, Optional.empty());
        }
        if (fallback.isEmpty()) {
            throw new TemplateNotSendable(primary.id(), primary.status());
        }
        TemplateSnapshot standIn = fallback.get();
        if (!standIn.sendable()) {
            throw refused(primary, standIn, "it is " + standIn.status() + " too");
        }
        List<String> differences = parameterDifferences(primary, standIn);
        if (!differences.isEmpty()) {
            throw refused(primary, standIn, "it takes other parameters (primary vs fallback): "
                    + String.join("; ", differences));
        }
        return new TemplateChoice(standIn, Optional.of(primary));
    }

    /** Neither can be sent, the fallback for a reason the caller found (e.g. no version in the language asked). */
    public static TemplateNotSendable refused(TemplateSnapshot primary, String fallback, String why) {
        return new FallbackNotSendable(primary, fallback, why);
    }

    /**
     * Whether {@code fallback} may be named for {@code primary}: another template of the same WABA whose
     * parameters are the primary's, so one send's values fit both.
     *
     * @throws InvalidValue naming fallbackTemplateId and the difference
     */
    public static void requireFallbackFor(TemplateSnapshot primary, TemplateSnapshot fallback) {
        if (fallback.id().equals(primary.id())) {
            throw new InvalidValue("fallbackTemplateId must be another template than templateId " + primary.id());
        }
        if (!fallback.wabaId().equals(primary.wabaId())) {
            throw new InvalidValue("fallbackTemplateId: template " + fallback.id() + " is in WABA " + fallback.wabaId()
                    + ", the mapped template in WABA " + primary.wabaId() + "; a fallback is sent from the same"
                    + " WABA");
        }
        List<String> differences = parameterDifferences(primary, fallback);
        if (!differences.isEmpty()) {
            throw new InvalidValue("fallbackTemplateId: template " + fallback.id() + " takes other parameters than"
                    + " templateId " + primary.id() + " (templateId vs fallbackTemplateId): "
                    + String.join("; ", differences));
        }
    }

    /** What the outbox records of the primary a fallback stood in for; empty when the primary itself goes. */
    public Optional<OutboundMessage.FallbackFrom> fallbackFrom() {
        return insteadOf.map(primary -> new OutboundMessage.FallbackFrom(primary.id(), primary.name().value(),
                primary.language().value(), primary.status()));
    }

    private static FallbackNotSendable refused(TemplateSnapshot primary, TemplateSnapshot fallback, String why) {
        return new FallbackNotSendable(primary, describe(fallback), why);
    }

    private static String describe(TemplateSnapshot template) {
        return "template " + template.id() + " (" + template.name().value() + ", " + template.language().value() + ")";
    }

    /** Both contents are needed to compare; a template known only from a status event has none yet. */
    private static List<String> parameterDifferences(TemplateSnapshot primary, TemplateSnapshot fallback) {
        if (primary.content().isEmpty() || fallback.content().isEmpty()) {
            TemplateSnapshot unknown = primary.content().isEmpty() ? primary : fallback;
            return List.of("the content of " + describe(unknown) + " is not known yet (reconciliation with Meta"
                    + " brings it), so the parameters cannot be compared");
        }
        return primary.content().get().parameterDifferences(fallback.content().get());
    }
}
