package dev.warden.application.port.in;

import dev.warden.domain.sending.SendCount;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.OrganizationId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** How an organisation's customer sends went: counts by day, template, provider and billed category. */
public interface SendStatsUseCase {

    /** The counts of a period and the period they cover. */
    record SendStats(StatsPeriod period, List<SendCount> groups) {
        public SendStats {
            groups = List.copyOf(groups);
        }
    }

    /** @throws dev.warden.domain.shared.InvalidValue for a period that is reversed or too long */
    SendStats stats(Actor actor, Optional<OrganizationId> organizationId, Optional<LocalDate> from,
                    Optional<LocalDate> to);
}
