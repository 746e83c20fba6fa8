package dev.warden.adapters.web.api;

import dev.warden.domain.shared.InvalidValue;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

/**
 * Body of PATCH /api/v1/templates/{id}/allow-category-change: {@code {"allow": true|false}}. Read as
 * any JSON value and checked here, because a Boolean field would quietly read "yes" or 1 as false.
 */
@Serdeable
record AllowCategoryChangeRequest(@NotNull Object allow) {

    /** @throws InvalidValue unless {@code allow} is a JSON boolean */
    boolean allowed() {
        if (allow instanceof Boolean value) {
            return value;
        }
        throw new InvalidValue("allow must be true or false");
    }
}
