package dev.warden.adapters.web.api;

import dev.warden.domain.template.version.TemplateVersion;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One immutable version of a template: its category and components, who made it, why and when. */
@Serdeable
record VersionResponse(String templateId, int number, String category, String parameterFormat,
                       List<ComponentResponse> components, String author, String note, Instant createdAt) {

    static VersionResponse from(TemplateVersion v) {
        return new VersionResponse(v.templateId().toString(), v.number(), v.category().name(),
                v.content().parameterFormat().name(), ComponentResponse.from(v.content()), v.author(), v.note(),
                v.createdAt());
    }
}
