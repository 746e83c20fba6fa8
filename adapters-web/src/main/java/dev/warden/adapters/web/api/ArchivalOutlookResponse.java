package dev.warden.adapters.web.api;

import dev.warden.domain.template.TemplateActivity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The templates Meta archives for inactivity within {@code withinDays}, the soonest first. Only sends through
 * Warden are known: a send from elsewhere also resets Meta's clock, so Meta may archive later, never sooner.
 */
@Serdeable
record ArchivalOutlookResponse(int withinDays, List<Item> items) {

    /** One template: its last activity Warden knows of and when Meta archives it unless it is used before. */
    @Serdeable
    record Item(String templateId, String organizationId, String wabaId, String name, String language,
                Instant lastActivity, Instant lastSent, Instant archivesAround) {

        static Item from(TemplateActivity t) {
            return new Item(t.templateId().toString(), t.organizationId().toString(), t.wabaId().value(), t.name(),
                    t.language(), t.lastActivity(), t.lastSent().orElse(null), t.archivesAround());
        }
    }

    static ArchivalOutlookResponse of(int withinDays, List<TemplateActivity> items) {
        return new ArchivalOutlookResponse(withinDays, items.stream().map(Item::from).toList());
    }
}
