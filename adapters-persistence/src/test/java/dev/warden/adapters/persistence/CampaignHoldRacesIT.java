package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignSnapshot;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.campaign.HoldRecord;
import dev.warden.domain.fixtures.TemplateFixtures;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.MessageTemplate;
import dev.warden.domain.template.TemplateStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's pause or resume committing while Warden lifts a hold from the same campaign: the lift
 * waits for the person and then judges "was that the last hold?" on what the person left.
 */
class CampaignHoldRacesIT {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private DSLContext dsl;
    private OrganizationId org;
    private MessageTemplate template;

    @BeforeEach
    void setUp() {
        dsl = TestDatabase.emptyDatabase();
        Organization organization = Organization.create(OrganizationId.random(), "Acme", T0);
        new JooqOrganizationRepository(dsl).add(organization);
        org = organization.id();
        template = TemplateFixtures.aTemplate().in(org).build();
        new JooqTemplateRepository(dsl).add(template);
    }

    @Test
    void a_resume_committed_while_the_template_hold_is_lifted_leaves_the_campaign_running() throws Exception {
        CampaignId id = startedWith(c -> c.pauseBy("alice", T0.plusSeconds(2)));

        liftWhile(id, c -> c.resumeBy("bob", T0.plusSeconds(3)));

        CampaignSnapshot after = campaign(id);
        assertThat(after.holds()).isEmpty();
        assertThat(after.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void a_pause_committed_while_the_template_hold_is_lifted_keeps_the_campaign_paused() throws Exception {
        CampaignId id = startedWith(c -> { });

        liftWhile(id, c -> c.pauseBy("alice", T0.plusSeconds(3)));

        CampaignSnapshot after = campaign(id);
        assertThat(after.holds()).extracting(Hold::cause).containsExactly(HoldCause.MANUAL);
        assertThat(after.status()).isEqualTo(CampaignStatus.PAUSED);
    }

    /**
     * A campaign the lock statement could not lock (created after it) and changed by a person while the lift
     * waits for it: the lift decides on the person's version, but what it would report and log was read before,
     * so it refuses as a concurrent modification (its caller retries) instead of logging a stale history.
     */
    @Test
    void a_campaign_created_and_changed_between_the_lock_and_the_lift_fails_the_lift_for_a_retry() throws Exception {
        CampaignId locked = startedWith(c -> { });
        Campaign created = Campaign.draft(CampaignId.random(), org, "Summer", template.id(), T0);
        created.start(TemplateStatus.APPROVED, false, T0);
        created.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0.plusSeconds(1)));
        created.pauseBy("alice", T0.plusSeconds(2));
        ExecutorService person = Executors.newSingleThreadExecutor();
        CountDownLatch resumed = new CountDownLatch(1);
        Runnable betweenLockAndLift = () -> {
            new JooqCampaignRepository(dsl).add(created);
            person.submit(() -> dsl.transaction(tx -> {
                JooqCampaignRepository campaigns = new JooqCampaignRepository(tx.dsl());
                Campaign campaign = campaigns.findById(org, created.id()).orElseThrow();
                campaign.resumeBy("alice", T0.plusSeconds(3));
                campaigns.update(campaign);
                resumed.countDown();
                awaitALockWaiter();
            }));
            await(resumed);
        };
        try {
            DSLContext hooked = DSL.using(beforeTheHoldStatement(betweenLockAndLift), SQLDialect.POSTGRES);

            assertThatThrownBy(() -> hooked.transaction(tx -> new JooqCampaignRepository(tx.dsl())
                    .liftHold(org, template.id(), HoldCause.TEMPLATE_STATUS, true, T0.plusSeconds(4))))
                    .isInstanceOf(ConcurrentModification.class);
        } finally {
            person.shutdown();
            person.awaitTermination(20, TimeUnit.SECONDS);
        }
        assertThat(campaign(created.id()).holds()).extracting(Hold::cause).containsExactly(HoldCause.TEMPLATE_STATUS);
        assertThat(campaign(locked).holds()).extracting(Hold::cause).containsExactly(HoldCause.TEMPLATE_STATUS);
        assertThat(new JooqCampaignRepository(dsl).holdHistory(org, locked, new PageRequest(0, 10)).items())
                .noneMatch(line -> line.action() == HoldRecord.Action.LIFTED);
    }

    /** The test database, running {@code hook} whenever a hold statement is prepared (after its lock statement). */
    private static DataSource beforeTheHoldStatement(Runnable hook) {
        DataSource real = TestDatabase.dataSource();
        return proxy(DataSource.class, (method, args) -> {
            Object result = method.invoke(real, args);
            return result instanceof Connection connection ? proxy(Connection.class, (m, a) -> {
                if (m.getName().equals("prepareStatement") && a.length == 1
                        && a[0].toString().stripLeading().startsWith("WITH p AS")) {
                    hook.run();
                }
                return m.invoke(connection, a);
            }) : result;
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            try {
                return call.invoke(method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A running campaign held for its template (PAUSED), after {@code more} was done to it. */
    private CampaignId startedWith(Consumer<Campaign> more) {
        Campaign campaign = Campaign.draft(CampaignId.random(), org, "Spring", template.id(), T0);
        campaign.start(TemplateStatus.APPROVED, false, T0);
        campaign.place(Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", T0.plusSeconds(1)));
        more.accept(campaign);
        new JooqCampaignRepository(dsl).add(campaign);
        return campaign.id();
    }

    /** The person's change holds the campaign row while Warden's lift starts and waits for it. */
    private void liftWhile(CampaignId id, Consumer<Campaign> personsChange) throws Exception {
        CountDownLatch personWrote = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> person = threads.submit(() -> dsl.transaction(tx -> {
                JooqCampaignRepository campaigns = new JooqCampaignRepository(tx.dsl());
                Campaign campaign = campaigns.findById(org, id).orElseThrow();
                personsChange.accept(campaign);
                campaigns.update(campaign);
                personWrote.countDown();
                awaitALockWaiter();
            }));
            personWrote.await(10, TimeUnit.SECONDS);
            Future<?> warden = threads.submit(() -> dsl.transaction(tx -> new JooqCampaignRepository(tx.dsl())
                    .liftHold(org, template.id(), HoldCause.TEMPLATE_STATUS, true, T0.plusSeconds(4))));
            person.get(20, TimeUnit.SECONDS);
            warden.get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Until another session waits on a row lock (Warden's lift behind the person's transaction). */
    private void awaitALockWaiter() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Object waiting = dsl.fetchValue("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
            if (((Number) waiting).intValue() > 0) {
                return;
            }
            Thread.sleep(25);
        }
    }

    private CampaignSnapshot campaign(CampaignId id) {
        return new JooqCampaignRepository(dsl).findById(org, id).orElseThrow().snapshot();
    }
}
