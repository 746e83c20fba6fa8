package dev.warden.adapters.web.api;

import dev.warden.domain.health.CriticalTemplate;
import dev.warden.domain.health.Finding;
import dev.warden.domain.template.MetaTemplateId;
import dev.warden.domain.template.TemplateSnapshot;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One template of the critical list. {@code reason}, {@code since}, {@code deadline}, {@code action}
 * and {@code actionCode} are those of its most urgent reason; {@code reasons} lists every reason that
 * applies, most urgent first, each with its own.
 */
@Serdeable
record CriticalTemplateResponse(String templateId, String organizationId, String wabaId, String metaTemplateId,
                                String name, String language, String category, String status, String quality,
                                String reason, Instant since, String deadline, String action, String actionCode,
                                int campaignsAffected, List<Reason> reasons) {

    /** One reason the template is critical. */
    @Serdeable
    record Reason(String reason, Instant since, String deadline, String action, String actionCode) {

        static Reason from(Finding f) {
            return new Reason(f.reason().name(), f.since(), f.deadline().orElse(null), f.reason().action(),
                    f.reason().actionCode());
        }
    }

    static CriticalTemplateResponse from(CriticalTemplate c) {
        TemplateSnapshot t = c.template();
        Reason primary = Reason.from(c.primary());
        return new CriticalTemplateResponse(t.id().toString(), t.organizationId().toString(), t.wabaId().value(),
                t.metaTemplateId().map(MetaTemplateId::value).orElse(null), t.name().value(), t.language().value(),
                t.category().name(), t.status().name(), t.quality().name(), primary.reason(), primary.since(),
                primary.deadline(), primary.action(), primary.actionCode(), c.campaignsAffected(),
                c.findings().stream().map(Reason::from).toList());
    }
}
