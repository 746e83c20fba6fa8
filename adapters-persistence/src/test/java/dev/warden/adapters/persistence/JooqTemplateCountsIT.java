package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.warden.application.port.out.TemplateCounts.Counted;
import dev.warden.domain.health.TemplateLimit;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.organization.WhatsAppAccount;
import dev.warden.domain.shared.OrganizationId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** A WABA's template count and limit, kept on its account row: replaced by each run, never another organisation's. */
class JooqTemplateCountsIT {

    private final DSLContext dsl = TestDatabase.emptyDatabase();
    private final JooqTemplateCounts counts = new JooqTemplateCounts(dsl);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private OrganizationId organizationWith(WabaId waba) {
        OrganizationId id = OrganizationId.random();
        new JooqOrganizationRepository(dsl).add(Organization.create(id, "Org " + waba.value(), now));
        new JooqWhatsAppAccountRepository(dsl).add(new WhatsAppAccount(id, waba, "Main", now));
        return id;
    }

    private static WabaId randomWaba() {
        return new WabaId(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L)));
    }

    @Test
    void nothing_before_a_run_and_the_latest_run_after() {
        WabaId waba = randomWaba();
        OrganizationId org = organizationWith(waba);
        assertThat(counts.latest(org, waba)).isEmpty();

        counts.record(org, waba, new TemplateLimit(120, 250), now);
        counts.record(org, waba, new TemplateLimit(240, 250), now.plusSeconds(60));

        assertThat(counts.latest(org, waba)).contains(new Counted(new TemplateLimit(240, 250), now.plusSeconds(60)));
    }

    @Test
    void another_organisation_neither_reads_nor_writes_a_wabas_count() {
        WabaId waba = randomWaba();
        OrganizationId owner = organizationWith(waba);
        OrganizationId other = organizationWith(randomWaba());
        counts.record(owner, waba, new TemplateLimit(10, 250), now);

        counts.record(other, waba, new TemplateLimit(6000, 6000), now.plusSeconds(1));

        assertThat(counts.latest(other, waba)).isEmpty();
        assertThat(counts.latest(owner, waba)).contains(new Counted(new TemplateLimit(10, 250), now));
    }

    @Test
    void any_count_and_limit_meta_reports_reads_back_as_recorded() {
        WabaId waba = randomWaba();
        OrganizationId org = organizationWith(waba);
        qt().withExamples(50).forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
                .checkAssert((count, limit) -> {
                    counts.record(org, waba, new TemplateLimit(count, limit), now);
                    assertThat(counts.latest(org, waba)).contains(new Counted(new TemplateLimit(count, limit), now));
                });
    }
}
