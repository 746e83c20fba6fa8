package dev.warden.domain.quality;

import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateId;
import java.time.Instant;
import java.util.List;

/** Outgoing persistence port for quality observations; append-only. */
public interface QualityHistory extends QualityLog {

    /** Appends observations together, in their order (one round trip for an inbox batch). */
    void appendAll(List<QualityObservation> observations);

    /** Observations at or after {@code since}, oldest first. */
    List<QualityObservation> since(OrganizationId organizationId, TemplateId templateId, Instant since);
}
