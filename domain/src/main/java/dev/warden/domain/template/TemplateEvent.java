package dev.warden.domain.template;

import dev.warden.domain.shared.DomainEvent;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;

/** Facts about a template, returned by the methods that caused them. */
public sealed interface TemplateEvent extends DomainEvent {

    TemplateId templateId();

    record StatusChanged(OrganizationId organizationId, TemplateId templateId, TemplateStatus from,
                         TemplateStatus to, String reason, Instant at) implements TemplateEvent {
    }

    /** Meta warned it may disable the template on {@code disableDate} (kept as Meta wrote it). */
    record Flagged(OrganizationId organizationId, TemplateId templateId, String disableDate, Instant at)
            implements TemplateEvent {
    }

    record FlagCleared(OrganizationId organizationId, TemplateId templateId, Instant at) implements TemplateEvent {
    }

    record QualityChanged(OrganizationId organizationId, TemplateId templateId, QualityRating from,
                          QualityRating to, Instant at) implements TemplateEvent {
    }

    /** Meta announced a recategorisation; {@code allowed} is the template's allow_category_change flag. */
    record CategoryChangeAnnounced(OrganizationId organizationId, TemplateId templateId, TemplateCategory current,
                                   TemplateCategory upcoming, Instant effectiveAt, boolean allowed, Instant at)
            implements TemplateEvent {
    }

    record CategoryChanged(OrganizationId organizationId, TemplateId templateId, TemplateCategory from,
                           TemplateCategory to, boolean allowed, Instant at) implements TemplateEvent {
    }

    /** A person consented to Meta's recategorisation, which held the template's campaigns until now. */
    record CategoryChangeConsented(OrganizationId organizationId, TemplateId templateId, TemplateCategory category,
                                   String consentedBy, Instant at) implements TemplateEvent {
    }

    record ContentChanged(OrganizationId organizationId, TemplateId templateId, int version, ChangeSource source,
                          Instant at) implements TemplateEvent {
    }

    /** Meta sent an event value Warden does not know; shown in history, changed nothing. */
    record UnrecognisedEventReceived(OrganizationId organizationId, TemplateId templateId, String event, Instant at)
            implements TemplateEvent {
    }
}
