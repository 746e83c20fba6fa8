package dev.warden.application.port.in;

import dev.warden.domain.alert.AlertFilter;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;

/** Query: alerts matching a filter, narrowed to what the actor may see. */
public interface ListAlertsUseCase {

    Page<AlertSnapshot> listAlerts(Actor actor, AlertFilter filter, PageRequest page);
}
