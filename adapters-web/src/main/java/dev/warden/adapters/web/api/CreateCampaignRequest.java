package dev.warden.adapters.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/v1/campaigns.
 *
 * @param fallbackTemplateId another template of the same WABA with the same parameters, sent instead while the
 *                           template is not sendable (docs/adr/0020)
 */
@Serdeable
record CreateCampaignRequest(@NotBlank @Size(max = 200) String name, @NotBlank String templateId,
                             @Nullable String fallbackTemplateId) {
}
