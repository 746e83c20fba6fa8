package dev.warden.adapters.web.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The alerts one request acknowledged; empty when none was open. */
@Serdeable
record AcknowledgedAlertsResponse(String templateId, List<AlertResponse> acknowledged) {
}
