package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.TakeQualitySnapshotService;
import dev.warden.domain.quality.QualitySnapshots;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The periodic quality snapshot end to end: every template Meta rates gets a SNAPSHOT point on its
 * quality trend, once per period however many instances take it, and nothing else changes.
 */
@MicronautTest(transactional = false)
class QualitySnapshotIT extends ApiTest {

    @Inject
    QualitySnapshots snapshots;
    @Inject
    UnitOfWork unitOfWork;

    @Test
    void two_instances_take_a_period_once_and_each_rated_template_gets_a_snapshot_point_and_no_new_alert() {
        TestOrganization tenant = TestOrganization.create(api, root, "Snapshot");
        long twoHoursAgo = Instant.now().minus(Duration.ofHours(2)).getEpochSecond();
        deliver(tenant, MetaWebhooks.status(tenant.waba(), twoHoursAgo, "830001", "APPROVED"));
        deliver(tenant, MetaWebhooks.status(tenant.waba(), twoHoursAgo, "830002", "APPROVED"));
        deliver(tenant, envelope(tenant.waba(), twoHoursAgo + 60, "message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":830001,
                 "message_template_name":"order_update","message_template_language":"en-US"}"""));
        deliver(tenant, MetaWebhooks.status(tenant.waba(), twoHoursAgo + 60, "830002", "DELETED"));
        String yellow = templateId(tenant, "830001");
        String deleted = templateId(tenant, "830002");
        Eventually.holds(() -> assertThat(points(tenant, yellow)).extracting(p -> p.get("rating")).contains("YELLOW"));
        Eventually.holds(() -> assertThat(status(tenant, deleted)).isEqualTo("DELETED"));
        List<Map<String, Object>> alertsBefore = alerts(tenant);
        assertThat(alertsBefore).as("the webhook raised the degradation alert").anySatisfy(alert -> assertThat(alert)
                .containsEntry("type", "QUALITY_DEGRADED").containsEntry("severity", "MEDIUM"));

        // A period of its own an hour ago (a minute long), so no other test's snapshot is this one.
        Instant at = Instant.now().minus(Duration.ofMinutes(60 + ThreadLocalRandom.current().nextInt(30)))
                .truncatedTo(ChronoUnit.SECONDS);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        Duration minute = Duration.ofMinutes(1);
        TakeQualitySnapshotService one = new TakeQualitySnapshotService(snapshots, unitOfWork, clock, minute);
        TakeQualitySnapshotService other = new TakeQualitySnapshotService(snapshots, unitOfWork, clock, minute);
        CompletableFuture<OptionalInt> first = CompletableFuture.supplyAsync(one::takeDue);
        CompletableFuture<OptionalInt> second = CompletableFuture.supplyAsync(other::takeDue);
        List<OptionalInt> taken = List.of(first.join(), second.join());

        assertThat(taken).filteredOn(OptionalInt::isPresent).as("one instance took the period").hasSize(1);
        assertThat(taken).filteredOn(OptionalInt::isPresent).first()
                .satisfies(t -> assertThat(t.getAsInt()).isPositive());
        assertThat(one.takeDue()).as("the period is taken").isEmpty();
        assertThat(points(tenant, yellow)).filteredOn(p -> "SNAPSHOT".equals(p.get("source"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("rating", "YELLOW").containsEntry("at", at.toString()));
        assertThat(points(tenant, deleted)).noneMatch(p -> "SNAPSHOT".equals(p.get("source")));
        assertThat(alerts(tenant)).as("a snapshot raises and changes no alert").isEqualTo(alertsBefore);
    }

    private void deliver(TestOrganization tenant, String envelope) {
        byte[] body = bytes(envelope);
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private String templateId(TestOrganization tenant, String metaId) {
        String[] id = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) api.get("/api/v1/templates?wabaId="
                    + tenant.waba() + "&metaTemplateId=" + metaId, tenant.viewer()).body().get("items");
            assertThat(found).hasSize(1);
            id[0] = found.get(0).get("id").toString();
        });
        return id[0];
    }

    private String status(TestOrganization tenant, String id) {
        return api.get("/api/v1/templates/" + id, tenant.viewer()).text("status");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> points(TestOrganization tenant, String id) {
        return (List<Map<String, Object>>) api.get("/api/v1/templates/" + id + "/quality-trend?days=1", tenant.viewer())
                .body().get("points");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alerts(TestOrganization tenant) {
        return (List<Map<String, Object>>) api.get("/api/v1/alerts", tenant.admin()).body().get("items");
    }
}
