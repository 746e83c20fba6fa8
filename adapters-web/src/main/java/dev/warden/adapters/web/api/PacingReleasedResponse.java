package dev.warden.adapters.web.api;

import dev.warden.application.port.in.ReleasePortfolioPacingUseCase.PacingReleased;
import io.micronaut.serde.annotation.Serdeable;

/** What releasing a WABA's portfolio pacing did. */
@Serdeable
record PacingReleasedResponse(String wabaId, int campaignsReleased, int campaignsResumed, boolean alertResolved) {

    static PacingReleasedResponse from(PacingReleased released) {
        return new PacingReleasedResponse(released.wabaId().value(), released.campaignsReleased(),
                released.campaignsResumed(), released.alertResolved());
    }
}
