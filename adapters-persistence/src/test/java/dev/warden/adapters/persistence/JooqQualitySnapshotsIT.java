package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.quality.SnapshotPeriod;
import dev.warden.domain.shared.OrganizationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The quality snapshot key-share locks every rated template through its rows' foreign key, in the order it
 * inserts them; inbox batches lock templates by organisation (as PostgreSQL sorts uuids), then id. Taken in
 * any other order, a batch and the snapshot deadlocked (docs/benchmarks.md, the template mix at 64 clients).
 */
class JooqQualitySnapshotsIT {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void the_snapshot_records_templates_by_organisation_then_id_the_order_inbox_batches_lock_them_in() {
        DSLContext dsl = TestDatabase.emptyDatabase();
        for (int o = 0; o < 3; o++) {
            Organization organization = Organization.create(OrganizationId.random(), "Org " + o, T0);
            new JooqOrganizationRepository(dsl).add(organization);
            for (int t = 0; t < 4; t++) {
                new JooqTemplateRepository(dsl).add(TemplateFixtures.aTemplate().in(organization.id())
                        .named("order_update_" + t).build());
            }
        }
        // A period of its own (a minute of 2031), so no other test's snapshot is this one.
        Instant start = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofMinutes(
                ThreadLocalRandom.current().nextInt(500_000)));

        dsl.transaction(tx -> new JooqQualitySnapshots(tx.dsl())
                .takeOnce(new SnapshotPeriod(start, Duration.ofMinutes(1)), start));

        List<String> inserted = dsl.resultQuery("SELECT organization_id || ' ' || template_id FROM quality_history"
                        + " WHERE source = 'SNAPSHOT' AND observed_at = CAST(? AS timestamptz) ORDER BY seq",
                Times.toDb(start)).fetch(0, String.class);
        assertThat(inserted).hasSize(12).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
