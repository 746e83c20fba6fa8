package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.adapters.persistence.PostgresEventBroadcast;
import dev.warden.application.port.out.TemplateCounts;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.health.TemplateLimit;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium against a running Warden: sign in, watch a webhook pause a template
 * without reloading, acknowledge its alert, compare two versions, pause and resume a campaign, and a
 * viewer who sees no write buttons. One browser and one Warden for all of it.
 *
 * <p>Every view is also photographed into {@code target/dashboard-screenshots}, or into the folder the
 * system property {@code dashboard.screenshots} names (docs/dashboard.md regenerates its pictures that way).
 */
@MicronautTest(transactional = false)
// By name, so the views are photographed after the other tests gave them paused templates and alerts.
@TestMethodOrder(MethodOrderer.MethodName.class)
class DashboardBrowserIT extends ApiTest {

    @Inject
    EmbeddedServer server;

    // Where a reconciliation keeps the summary of Meta's list (TemplateLimitIT drives that through Graph).
    @Inject
    TemplateCounts templateCounts;

    @Inject
    UnitOfWork unitOfWork;

    @Inject
    org.jooq.DSLContext dsl;

    private HeadlessChromium chromium;
    private String base;
    private Tenant tenant;
    private String viewerName;

    @BeforeAll
    void startBrowser() {
        base = server.getURL().toString();
        tenant = new Tenant(api, root, MetaWebhooks.randomWaba());
        viewerName = "viewer_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/organizations/" + tenant.org + "/users", root, Map.of("username", viewerName,
                "password", TestOrganization.PASSWORD, "role", "VIEWER")).status()).isEqualTo(201);
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_webhook_that_pauses_a_template_shows_live_and_its_alert_is_acknowledged() {
        String meta = MetaWebhooks.randomWaba();
        String template = tenant.approvedTemplate(meta);
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        chromium.until(d -> "attention".equals(d.findElement(By.id("view")).getAttribute("data-view")));
        By row = By.cssSelector("[data-critical-template='" + template + "']");
        // Rendered before the pause: the row can only come from the live feed's re-render.
        assertThat(chromium.driver.findElements(row)).isEmpty();
        chromium.driver.executeScript("document.body.dataset.marker = 'not reloaded'");

        tenant.webhook(meta, "PAUSED", Instant.now().getEpochSecond());

        chromium.waitForText(By.cssSelector("[data-critical-template='" + template + "'] .status"), "PAUSED");
        assertThat(chromium.driver.executeScript("return document.body.dataset.marker")).isEqualTo("not reloaded");

        String alert = openAlertOf(template);
        chromium.click(By.cssSelector("[data-alert='" + alert + "'] button"));
        chromium.until(d -> d.findElements(By.cssSelector("[data-alert='" + alert + "']")).isEmpty());
        assertThat(api.get("/api/v1/alerts?state=ACKNOWLEDGED&templateId=" + template, tenant.viewer).body()
                .get("items").toString()).contains(alert);
    }

    @Test
    void two_versions_are_compared_side_by_side() {
        String template = api.post("/api/v1/templates", tenant.admin, AuthoringTenant.orderUpdate("compared"))
                .text("id");
        Map<String, Object> edited = new HashMap<>(AuthoringTenant.orderUpdate("compared"));
        edited.put("components", List.of(Map.of("type", "BODY", "text", "Hi {{first_name}}, it is on its way.",
                "examples", Map.of("first_name", "Ana"))));
        assertThat(api.put("/api/v1/templates/" + template, tenant.admin, edited).status()).isEqualTo(200);
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        chromium.open(base, "#/templates/" + template);

        chromium.until(d -> {
            new Select(d.findElement(By.id("diff-from"))).selectByValue("1");
            new Select(d.findElement(By.id("diff-to"))).selectByValue("2");
            d.findElement(By.id("diff-compare")).click();
            return true;
        });

        WebElement diff = chromium.visible(By.cssSelector("#diff-result table"));
        assertThat(diff.findElement(By.tagName("caption")).getText()).isEqualTo("What changed from v1 to v2");
        assertThat(diff.findElements(By.cssSelector("td.before")).stream().map(WebElement::getText))
                .contains("Hi {{first_name}}, your order {{order_id}} left our shop today.");
        assertThat(diff.findElements(By.cssSelector("td.after")).stream().map(WebElement::getText))
                .contains("Hi {{first_name}}, it is on its way.");
        screenshot("template");
    }

    @Test
    void a_campaign_is_paused_and_resumed_from_the_campaigns_view() {
        String campaign = tenant.runningCampaign("Autumn sale " + UUID.randomUUID().toString().substring(0, 4));
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        chromium.open(base, "#/campaigns");
        String row = "[data-campaign='" + campaign + "'] ";

        chromium.click(By.cssSelector(row + "button[data-action=pause]"));
        chromium.waitForText(By.cssSelector(row + ".status"), "PAUSED");
        chromium.visible(By.cssSelector(row + "button[data-action=resume]"));
        assertThat(tenant.campaignState(campaign)).containsEntry("status", "PAUSED");

        chromium.click(By.cssSelector(row + "button[data-action=resume]"));
        chromium.waitForText(By.cssSelector(row + ".status"), "RUNNING");
        chromium.visible(By.cssSelector(row + "button[data-action=pause]"));
        assertThat(tenant.campaignState(campaign)).containsEntry("status", "RUNNING");
    }

    @Test
    void accounts_show_the_template_count_against_metas_limit_and_an_archival_countdown() {
        unitOfWork.run(() -> templateCounts.record(new OrganizationId(UUID.fromString(tenant.org)),
                new WabaId(tenant.waba), new TemplateLimit(240, 250), Instant.now()));
        String meta = MetaWebhooks.randomWaba();
        String archived = tenant.approvedTemplate(meta);
        tenant.webhook(meta, "ARCHIVED", Instant.now().getEpochSecond());
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + archived, tenant.viewer).text("status"))
                .isEqualTo("ARCHIVED"));

        // Warden recorded this one 11 months ago and knows of no send or edit since: Meta archives it in a month.
        String idle = tenant.approvedTemplate(MetaWebhooks.randomWaba());
        unitOfWork.run(() -> dsl.execute("UPDATE templates SET created_at = now() - interval '11 months', "
                + "last_content_at = NULL WHERE id = CAST(? AS uuid)", idle));

        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        chromium.open(base, "#/accounts");
        WebElement countdown = chromium.visible(By.cssSelector("[data-archival-template='" + idle + "'] .archival"));
        assertThat(countdown.getText()).matches("archived by Meta in about (28|29|30|31|32) days unless sent or edited");
        assertThat(chromium.driver.findElement(By.id("view")).getText())
                .contains("Warden knows only the sends made through Warden");
        WebElement count = chromium.visible(By.cssSelector("[data-account='" + tenant.waba + "'] .templates"));
        assertThat(count.getText()).contains("240 of 250").contains("Near the limit");
        assertThat(count.findElement(By.tagName("meter")).getAttribute("aria-label")).endsWith("240 of 250 templates");
        // Meta deletes an archived template 28 days after the archive, which happened just now.
        chromium.waitForText(By.cssSelector("[data-archived-template='" + archived + "'] .countdown"), "28 days left");
        chromium.visible(By.cssSelector("[data-archived-template='" + archived + "'] button[data-action=unarchive]"));

        chromium.signIn(base, viewerName, TestOrganization.PASSWORD);
        chromium.open(base, "#/accounts");
        chromium.visible(By.cssSelector("[data-archived-template='" + archived + "']"));
        assertThat(chromium.driver.findElements(By.cssSelector("button.write, input.write"))).isEmpty();
    }

    @Test
    void a_category_change_is_listed_even_when_its_template_is_not_among_the_newest_hundred() {
        Tenant busy = new Tenant(api, root, MetaWebhooks.randomWaba());
        long now = Instant.now().getEpochSecond();
        busy.categoryImpending("UTILITY", "MARKETING", now + 86_400, now);
        Eventually.holds(() -> assertThat(busy.template(busy.viewer, "pendingCategory")).contains("MARKETING"));
        for (int i = 0; i < 100; i++) {
            assertThat(api.post("/api/v1/templates", busy.admin, AuthoringTenant.orderUpdate("later_" + i)).status())
                    .isEqualTo(201);
        }
        assertThat(api.get("/api/v1/templates?size=100&sort=-updatedAt", busy.viewer).body().get("items").toString())
                .as("the template with the notice is no longer among the newest hundred")
                .doesNotContain(busy.templateId);

        chromium.signIn(base, busy.adminName, TestOrganization.PASSWORD);
        WebElement row = chromium.visible(By.cssSelector("[data-pending-template='" + busy.templateId + "']"));
        assertThat(row.getText()).contains("MARKETING").contains("no, campaigns will be held");
    }

    @Test
    void campaign_progress_shows_when_the_api_reports_it_and_focus_stays_on_its_button_through_live_updates() {
        String campaign = tenant.runningCampaign("Progress " + UUID.randomUUID().toString().substring(0, 4));
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        String row = "[data-campaign='" + campaign + "'] ";
        assertThat(tenant.campaignState(campaign)).extractingByKey("progress")
                .isEqualTo(Map.of("sent", 0, "failed", 0, "held", 0, "remaining", 0, "skipped", 0));
        chromium.open(base, "#/campaigns");
        assertThat(chromium.visible(By.cssSelector(row + "td:nth-child(3)")).getText())
                .isEqualTo("no recipients");
        // Sends that reached a provider (CampaignSendIT makes them against a stand-in Meta): the page is handed
        // such an answer here, to check how it renders each count.
        chromium.driver.executeScript("""
                const id = arguments[0];
                const original = window.fetch;
                window.fetch = async (...args) => {
                  const response = await original(...args);
                  if (!String(args[0]).startsWith('/api/v1/campaigns?')) {
                    return response;
                  }
                  const body = await response.json();
                  body.items.filter((c) => c.id === id).forEach((c) => {
                    c.progress = { sent: 6, failed: 1, held: 1, remaining: 2, skipped: 0 };
                  });
                  return new Response(JSON.stringify(body), { status: response.status,
                    headers: { 'Content-Type': 'application/json' } });
                };
                location.hash = '#/quality';
                location.hash = '#/campaigns';""", campaign);

        // Read afresh until it holds: a live update may render the view again between a find and a read.
        chromium.until(d -> {
            try {
                List<WebElement> bars = d.findElements(By.cssSelector(row + "progress"));
                return !bars.isEmpty() && bars.get(0).getAttribute("aria-label").endsWith("7 of 10 done with")
                        && d.findElements(By.cssSelector(row + ".counts li")).stream().map(WebElement::getText)
                        .toList().equals(List.of("6 sent", "1 failed", "1 held", "2 to send"));
            } catch (org.openqa.selenium.StaleElementReferenceException rendered) {
                return false;
            }
        });

        // Keyboard focus on the campaign's Pause button; another campaign's pause re-renders the view live.
        chromium.driver.executeScript("document.querySelector(arguments[0]).focus();"
                + "document.querySelector('#view table').dataset.before = 'yes'", row + "button[data-action=pause]");
        String other = tenant.runningCampaign("Paused meanwhile");
        assertThat(api.post("/api/v1/campaigns/" + other + "/pause", tenant.admin, Map.of()).status()).isEqualTo(200);
        chromium.until(d -> d.findElements(By.cssSelector("#view table[data-before]")).isEmpty()
                && !d.findElements(By.cssSelector("[data-campaign='" + other + "'] button[data-action=resume]"))
                .isEmpty());
        assertThat(chromium.driver.executeScript("return document.activeElement.matches(arguments[0])",
                row + "button[data-action=pause]")).as("focus on the same button after the re-render").isEqualTo(true);
    }

    @Test
    void a_session_that_expires_signs_out_and_closes_its_live_feed_until_the_next_sign_in() {
        chromium.driver.get(base + "/");
        // The page's clock runs an hour minus eight seconds ahead, so the one-hour token expires for it soon;
        // every socket the page opens is kept to look at.
        chromium.driver.executeScript("""
                const realNow = Date.now.bind(Date);
                Date.now = () => realNow() + 3600 * 1000 - 8000;""");
        watchSockets();
        chromium.visible(By.id("username")).sendKeys(tenant.adminName);
        chromium.driver.findElement(By.id("password")).sendKeys(TestOrganization.PASSWORD);
        chromium.click(By.cssSelector("#login button[type=submit]"));

        chromium.waitForText(By.id("login-error"), "Your session ended; sign in again.");
        chromium.until(d -> (Boolean) chromium.driver.executeScript(
                "return window.sockets.length > 0 && window.sockets.every((s) => s.readyState === WebSocket.CLOSED)"));
        assertThat(chromium.driver.findElement(By.id("live")).isDisplayed()).isFalse();

        chromium.driver.executeScript("Date.now = () => new Date().getTime()");
        chromium.visible(By.id("username")).clear();
        chromium.driver.findElement(By.id("username")).sendKeys(tenant.adminName);
        chromium.driver.findElement(By.id("password")).sendKeys(TestOrganization.PASSWORD);
        chromium.click(By.cssSelector("#login button[type=submit]"));
        chromium.until(d -> "live".equals(d.findElement(By.id("live")).getAttribute("data-state"))
                && d.findElement(By.id("live")).isDisplayed());
        assertThat(chromium.driver.executeScript(
                "return window.sockets.filter((s) => s.readyState === WebSocket.OPEN).length")).isEqualTo(1L);
    }

    @Test
    void a_super_admin_picks_the_organisation_the_views_show() {
        chromium.signIn(base, TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
        chromium.open(base, "#/accounts");
        chromium.until(d -> d.findElement(By.id("view")).getText().contains("pick an organisation"));

        chromium.until(d -> {
            new Select(d.findElement(By.id("org-pick"))).selectByValue(tenant.org);
            return true;
        });
        chromium.visible(By.cssSelector("[data-account='" + tenant.waba + "']"));
        chromium.open(base, "#/campaigns");
        chromium.until(d -> "campaigns".equals(d.findElement(By.id("view")).getAttribute("data-view")));
        Object shown = chromium.driver.executeScript(
                "return [...document.querySelectorAll('[data-campaign]')].map((row) => row.dataset.campaign)");
        List<Map<String, Object>> own = Tenant.items(api.get("/api/v1/campaigns?size=100", tenant.viewer));
        assertThat(shown).as("the picked organisation's campaigns only")
                .isEqualTo(own.stream().map(c -> c.get("id")).toList());
    }

    @Test
    void a_viewer_sees_no_write_buttons_and_the_api_refuses_the_writes() {
        String meta = MetaWebhooks.randomWaba();
        String template = tenant.approvedTemplate(meta);
        String campaign = tenant.runningCampaign("Viewer's view");
        tenant.webhook(meta, "PAUSED", Instant.now().getEpochSecond());
        String alert = openAlertOf(template);
        String viewer = api.login(viewerName, TestOrganization.PASSWORD);

        chromium.signIn(base, viewerName, TestOrganization.PASSWORD);
        chromium.visible(By.cssSelector("[data-alert='" + alert + "']"));
        assertThat(chromium.driver.findElements(By.cssSelector("button.write, input.write"))).isEmpty();
        chromium.open(base, "#/campaigns");
        chromium.visible(By.cssSelector("[data-campaign='" + campaign + "']"));
        assertThat(chromium.driver.findElements(By.cssSelector("button.write, input.write"))).isEmpty();
        chromium.open(base, "#/templates/" + template);
        chromium.visible(By.id("template-status"));
        assertThat(chromium.driver.findElements(By.cssSelector("button.write, input.write"))).isEmpty();

        assertThat(api.post("/api/v1/alerts/" + alert + "/acknowledge", viewer, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/pause", viewer, Map.of()).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/templates/" + template + "/allow-category-change", viewer,
                Map.of("allow", true)).status()).isEqualTo(403);
    }

    @Test
    void every_view_renders_without_an_error_and_is_photographed() {
        tenant.runningCampaign("Spring newsletter");
        long now = Instant.now().getEpochSecond();
        String meta = MetaWebhooks.randomWaba();
        tenant.approvedTemplate(meta);
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, now - 86_400, "message_template_quality_update", """
                {"previous_quality_score":"UNKNOWN","new_quality_score":"GREEN","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}""".formatted(meta)));
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, now - 3_600, "message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}""".formatted(meta)));
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD);
        for (String view : List.of("attention", "quality", "campaigns", "accounts", "notifications")) {
            chromium.open(base, "#/" + view);
            chromium.until(d -> view.equals(d.findElement(By.id("view")).getAttribute("data-view")));
            assertThat(chromium.driver.findElements(By.cssSelector("#view .error"))).as(view).isEmpty();
            screenshot(view);
        }
        // A phone: the page never scrolls sideways as a whole (wide tables scroll inside their own box).
        chromium.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            chromium.open(base, "#/campaigns");
            chromium.until(d -> "campaigns".equals(d.findElement(By.id("view")).getAttribute("data-view")));
            chromium.until(d -> (Boolean) chromium.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
            screenshot("phone");
        } finally {
            chromium.driver.manage().window().setSize(new Dimension(1280, 900));
        }
        chromium.driver.navigate().to(base + "/");
        screenshot("login");
    }

    @Test
    void the_live_feed_opens_only_with_a_ticket_and_tells_each_organisation_only_its_own_events() {
        TestOrganization other = TestOrganization.create(api, root, "Other");
        try (LiveFeed mine = LiveFeed.open(base, "?ticket=" + ticket(tenant.admin));
             LiveFeed theirs = LiveFeed.open(base, "?ticket=" + ticket(other.viewer()))) {
            tenant.approvedTemplate(MetaWebhooks.randomWaba());
            Eventually.holds(() -> assertThat(mine.messages).anySatisfy(m -> assertThat(m)
                    .contains("\"organizationId\":\"" + tenant.org + "\"").contains("\"subject\":\"template\"")));
            tenant.deliver(MetaWebhooks.status(other.waba(), 1000, MetaWebhooks.randomWaba(), "APPROVED"));
            Eventually.holds(() -> assertThat(theirs.messages).anySatisfy(m -> assertThat(m)
                    .contains("\"organizationId\":\"" + other.org() + "\"")));
            assertThat(mine.messages).noneMatch(m -> m.contains(other.org()));
            assertThat(theirs.messages).noneMatch(m -> m.contains(tenant.org));
        }

        String ticket = ticket(tenant.admin);
        assertThat(api.get("/api/v1/templates", ticket).status()).as("a ticket is no API token").isEqualTo(401);
        String tampered = ticket.substring(0, ticket.length() - 2) + (ticket.endsWith("AA") ? "BB" : "AA");
        for (String query : List.of("", "?ticket=", "?ticket=garbage", "?ticket=" + tampered,
                "?ticket=" + tenant.admin)) {
            try (LiveFeed refused = LiveFeed.open(base, query)) {
                Eventually.holds(() -> assertThat(refused.closedWith).as(query).isEqualTo(1008));
            }
        }
    }

    @Test
    void an_event_applied_on_one_instance_reaches_a_dashboard_connected_to_another() {
        Map<String, Object> settings = new HashMap<>(TestPostgres.properties());
        settings.put("micronaut.server.port", -1);
        // The other instance applies nothing itself: what its dashboard hears comes from this one.
        settings.put("warden.inbox.workers.enabled", false);
        settings.put("warden.notify.workers.enabled", false);
        settings.put("warden.reconcile.enabled", false);
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, settings);
             LiveFeed feed = LiveFeed.open(other.getURL().toString(), "?ticket=" + ticket(tenant.admin))) {
            // The other instance listens from a thread of its own: NOTIFYs before its LISTEN never reach it.
            PostgresEventBroadcast broadcast = other.getApplicationContext().getBean(PostgresEventBroadcast.class);
            Eventually.holds(() -> assertThat(broadcast.listening()).isTrue());
            String template = tenant.approvedTemplate(MetaWebhooks.randomWaba());
            Eventually.holds(() -> assertThat(feed.messages).anySatisfy(m -> assertThat(m)
                    .contains("\"id\":\"" + template + "\"")));
        }
    }

    @Test
    void the_page_and_its_files_are_public_and_carry_a_policy_without_inline_scripts() {
        for (String path : List.of("/", "/dashboard/app.js", "/dashboard/views/attention.js", "/dashboard/style.css")) {
            HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(path), String.class);
            assertThat(response.code()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(http.toBlocking().retrieve("/")).contains("<script type=\"module\" src=\"/dashboard/app.js\">")
                .doesNotContain("<script>");
        assertThat(RawHttp.exchange(http.toBlocking(), HttpRequest.GET("/dashboard-elsewhere"), null).status())
                .as("other unknown paths still ask for a token").isEqualTo(401);
        assertThat(http.toBlocking().retrieve("/openapi.yml")).as("the page and the socket are no API operations")
                .doesNotContain("/ws/events").doesNotContain("\n  /:");
    }

    @Test
    void typed_preview_values_and_focus_survive_a_re_render_of_the_template() {
        String template = api.post("/api/v1/templates", tenant.admin, AuthoringTenant.orderUpdate("typed")).text("id");
        chromium.driver.get(base + "/");
        watchSockets();
        chromium.signIn(base, tenant.adminName, TestOrganization.PASSWORD, false);
        chromium.open(base, "#/templates/" + template);
        WebElement field = chromium.visible(By.id("p-body-first_name"));
        field.clear();
        field.sendKeys("Zoe");

        // The feed drops and comes back: the page reads the open view again, as after any gap.
        chromium.driver.executeScript("document.querySelector('#view > div').dataset.before = 'yes';"
                + "window.sockets.forEach((s) => s.close())");
        chromium.until(d -> d.findElements(By.cssSelector("#view [data-before]")).isEmpty()
                && !d.findElements(By.id("p-body-first_name")).isEmpty());
        assertThat(chromium.driver.findElement(By.id("p-body-first_name")).getAttribute("value")).isEqualTo("Zoe");
        assertThat(chromium.driver.executeScript("return document.activeElement.id")).isEqualTo("p-body-first_name");
    }

    /** Keeps every WebSocket the page opens from now on in {@code window.sockets}, to look at or close. */
    private void watchSockets() {
        chromium.driver.executeScript("""
                window.sockets = [];
                const Socket = window.WebSocket;
                window.WebSocket = class extends Socket {
                  constructor(...args) {
                    super(...args);
                    window.sockets.push(this);
                  }
                };""");
    }

    private String ticket(String token) {
        ApiClient.Reply reply = api.post("/api/v1/ws-tickets", token, Map.of());
        assertThat(reply.status()).isEqualTo(200);
        return reply.text("ticket");
    }

    private String openAlertOf(String template) {
        String[] id = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> open = Tenant.items(api.get("/api/v1/alerts?state=OPEN&templateId=" + template,
                    tenant.admin));
            assertThat(open).isNotEmpty();
            id[0] = open.get(0).get("id").toString();
        });
        return id[0];
    }

    /** The whole page from its top, not only the window (through Chromium's DevTools, as chromedriver offers it). */
    private void screenshot(String view) {
        Path folder = Path.of(System.getProperty("dashboard.screenshots", "target/dashboard-screenshots"));
        chromium.driver.executeScript("window.scrollTo(0, 0)");
        Map<?, ?> size = (Map<?, ?>) chromium.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(),
                "height", Math.min(4000, ((Number) size.get("height")).doubleValue()));
        Object png = chromium.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("dashboard-" + view + ".png"), Base64.getDecoder().decode((String) png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
