package dev.warden.adapters.web.api;

import dev.warden.domain.campaign.HoldRecord;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One line of a campaign's hold history; {@code by} is empty when Warden placed or lifted the hold. */
@Serdeable
record HoldRecordResponse(String cause, String action, String detail, String by, Instant at) {

    static HoldRecordResponse from(HoldRecord record) {
        return new HoldRecordResponse(record.cause().name(), record.action().name(), record.detail().orElse(null),
                record.by().orElse(null), record.at());
    }
}
