package dev.warden.adapters.web.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/** Body of PATCH /api/v1/templates/{id}/allow-category-change: {@code {"allow": true|false}}. */
@Serdeable
record AllowCategoryChangeRequest(@NotNull Boolean allow) {
}
