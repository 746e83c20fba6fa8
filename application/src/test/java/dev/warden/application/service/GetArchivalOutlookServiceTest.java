package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.in.Actor;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.TemplateActivity;
import dev.warden.domain.template.TemplateId;
import dev.warden.domain.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GetArchivalOutlookServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private final OrganizationId org = OrganizationId.random();
    private final Actor viewer = new Actor("viewer", Role.VIEWER, Optional.of(org));
    private final List<Object[]> asked = new ArrayList<>();

    @Test
    void lists_what_meta_archives_by_the_horizon_and_drops_what_the_stores_bound_let_through() {
        TemplateActivity due = activity(Instant.parse("2025-04-20T12:00:00Z"));
        // 30 May 2025 + 12 months = 30 May 2026, the horizon of 60 days from 31 March 2026.
        TemplateActivity atHorizon = activity(Instant.parse("2025-05-30T12:00:00Z"));
        TemplateActivity justAfter = activity(Instant.parse("2025-05-31T12:00:00Z"));
        GetArchivalOutlookService service = new GetArchivalOutlookService((scope, before, limit) -> {
            asked.add(new Object[] {scope, before, limit});
            return List.of(due, atHorizon, justAfter);
        }, new PassThroughUnitOfWork(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(service.outlook(viewer, Optional.empty(), 60)).containsExactly(due, atHorizon);
        assertThat(asked.get(0)[0]).isEqualTo(Optional.of(org));
        assertThat((Instant) asked.get(0)[1]).isAfter(justAfter.lastActivity());
    }

    @Test
    void a_window_outside_one_to_365_days_is_refused() {
        GetArchivalOutlookService service = new GetArchivalOutlookService((scope, before, limit) -> List.of(),
                new PassThroughUnitOfWork(), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int bad : new int[] {0, -1, 366, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> service.outlook(viewer, Optional.empty(), bad)).isInstanceOf(InvalidValue.class)
                    .hasMessageContaining("withinDays");
        }
        assertThat(service.outlook(viewer, Optional.empty(), 365)).isEmpty();
    }

    private TemplateActivity activity(Instant lastActivity) {
        return new TemplateActivity(org, TemplateId.random(), new WabaId("1234"), "order_update", "en_US",
                lastActivity, Optional.empty());
    }
}
