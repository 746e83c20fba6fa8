package dev.warden.adapters.web.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/v1/campaigns. */
@Serdeable
record CreateCampaignRequest(@NotBlank @Size(max = 200) String name, @NotBlank String templateId) {
}
