package dev.warden.adapters.web.api;

import dev.warden.domain.campaign.Hold;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One hold on a campaign: its cause, what it refers to, since when, and who placed it (a person's only). */
@Serdeable
record HoldResponse(String cause, String detail, Instant since, String by) {

    static HoldResponse from(Hold hold) {
        return new HoldResponse(hold.cause().name(), hold.detail().orElse(null), hold.since(), hold.by().orElse(null));
    }
}
