package dev.warden.domain.governance;

import dev.warden.domain.alert.Alerting;
import dev.warden.domain.campaign.CampaignHolds;
import dev.warden.domain.quality.QualityLog;
import dev.warden.domain.quality.QualityObservation;
import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.ChangeOutcome;
import dev.warden.domain.template.LanguageCode;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.ReportedChange;
import dev.warden.domain.template.TemplateCategory;
import dev.warden.domain.template.TemplateEvent;
import dev.warden.domain.template.TemplateHistoryLog;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.template.TemplateName;
import dev.warden.domain.template.TemplateStore;
import dev.warden.domain.template.version.TemplateVersionLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Applies a change Meta reported to the template it names, and everything that follows from it:
 * history, versions, quality observations, campaign holds, alerts. Callers run it in
 * one transaction so the state change and its side effects land together.
 */
public final class TemplateGovernor {

    private final TemplateStore templates;
    private final TemplateHistoryLog history;
    private final TemplateVersionLog versions;
    private final QualityLog qualityHistory;
    private final AutoResume autoResume;
    private final LifecycleReactions reactions;

    public TemplateGovernor(TemplateStore templates, TemplateHistoryLog history, TemplateVersionLog versions,
                            QualityLog qualityHistory, CampaignHolds campaigns, Alerting alerting,
                            AutoResume autoResume, AutoPausePolicy autoPausePolicy) {
        this.templates = templates;
        this.history = history;
        this.versions = versions;
        this.qualityHistory = qualityHistory;
        this.autoResume = autoResume;
        this.reactions = new LifecycleReactions(campaigns, alerting, new HoldRules(autoPausePolicy));
    }

    /** Governs one reported change for a template of {@code organizationId}. */
    public GovernanceResult govern(OrganizationId organizationId, TemplateMention mention, ReportedChange change,
                                   Instant now) {
        Optional<MessageTemplate> known = templates.findByKey(organizationId, mention.key());
        MessageTemplate template = known.orElseGet(() -> discover(organizationId, mention, now));
        ChangeOutcome outcome = template.apply(change, now);
        if (known.isEmpty()) {
            templates.add(template);
        } else if (template.isModified()) {
            templates.update(template);
        }
        outcome.history().forEach(history::append);
        outcome.newVersion().ifPresent(versions::append);
        List<DomainEvent> events = new ArrayList<>(outcome.events());
        // Read only when a template recovers: most changes never need the organisation's setting.
        BooleanSupplier resumes = () -> autoResume.forOrganization(organizationId);
        for (TemplateEvent event : outcome.events()) {
            if (event instanceof TemplateEvent.QualityChanged quality) {
                qualityHistory.append(new QualityObservation(organizationId, template.id(), quality.to(),
                        change.occurredAt(), change.source()));
            }
            events.addAll(reactions.react(template.snapshot(), event, resumes, known.isEmpty(), now));
        }
        return new GovernanceResult(template.id(), outcome.result(), known.isEmpty(), events);
    }

    private static MessageTemplate discover(OrganizationId organizationId, TemplateMention mention, Instant now) {
        return MessageTemplate.discovered(TemplateId.random(), organizationId, mention.key(),
                nameOrFallback(mention), languageOrFallback(mention.language()),
                mention.category() == null ? TemplateCategory.UNKNOWN : mention.category(), now);
    }

    private static TemplateName nameOrFallback(TemplateMention mention) {
        try {
            return new TemplateName(mention.name());
        } catch (IllegalArgumentException | NullPointerException e) {
            // The event named no usable template name; the Meta id keeps the stub findable.
            return new TemplateName("template_" + mention.key().metaTemplateId().value());
        }
    }

    private static LanguageCode languageOrFallback(String language) {
        try {
            return new LanguageCode(language);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new LanguageCode("und");
        }
    }
}
