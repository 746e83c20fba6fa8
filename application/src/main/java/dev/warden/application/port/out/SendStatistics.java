package dev.warden.application.port.out;

import dev.warden.domain.sending.SendCount;
import dev.warden.domain.sending.StatsPeriod;
import dev.warden.domain.shared.OrganizationId;
import java.util.List;

/** Outgoing port: an organisation's customer sends counted by day, template, provider and billed category. */
public interface SendStatistics {

    /** One grouped count over the period; groups with no send are left out. */
    List<SendCount> count(OrganizationId organizationId, StatsPeriod period);
}
