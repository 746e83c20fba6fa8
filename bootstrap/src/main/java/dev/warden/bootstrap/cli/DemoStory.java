package dev.warden.bootstrap.cli;

import dev.warden.application.port.in.CreateCampaignUseCase;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.CreateUserCommand;
import dev.warden.application.port.in.CreateUserUseCase;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.application.port.in.StartCampaignUseCase;
import dev.warden.domain.alert.AlertId;
import dev.warden.domain.alert.AlertSnapshot;
import dev.warden.domain.alert.AlertState;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.template.QualityRating;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.user.Role;
import dev.warden.domain.user.Username;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The demo's story on a running Warden: a sample organisation with an admin, a WABA, three templates
 * Meta approves and a campaign sending one of them; then Meta lowers its quality, pauses it (the
 * campaign is held, an alert raised) and unpauses it (the campaign runs again, the alert resolved).
 * Each step is a recorded webhook through the real receiver, told once Warden has applied it.
 */
final class DemoStory {

    static final String ORGANIZATION = "Acme Shop";
    static final String ADMIN = "acme-admin";
    static final String TEMPLATE = "spring_sale";
    static final String CAMPAIGN = "Spring sale";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One recorded webhook about {@link #TEMPLATE}, and how to tell Warden has applied it. */
    private record Step(String file, String headline, Predicate<TemplateSnapshot> applied) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("02-quality-yellow.json", "Customers block or report the sale messages: Meta lowers "
                    + TEMPLATE + "'s quality to medium (YELLOW).",
                    template -> template.quality() == QualityRating.YELLOW),
            new Step("03-quality-red.json", "More of them: Meta lowers its quality to low (RED).",
                    template -> template.quality() == QualityRating.RED),
            new Step("04-paused.json", "Meta pauses " + TEMPLATE + " for 3 hours (its first pause): sending it would"
                    + " fail now.", template -> template.status() == TemplateStatus.PAUSED),
            new Step("05-unpaused.json", "Three hours later Meta unpauses it (APPROVED, UNPAUSE).",
                    template -> template.status() == TemplateStatus.APPROVED),
            new Step("06-quality-green.json", "A day later its quality is high again (GREEN).",
                    template -> template.quality() == QualityRating.GREEN));

    /** Who may sign in to look at the sample organisation. */
    record Login(String username, String password) {

        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    private final ApplicationContext server;
    private final DemoWebhooks webhooks;
    private final PrintWriter out;
    private final Map<AlertId, AlertSnapshot> alertsSeen = new HashMap<>();
    private DemoState state;
    private int step;

    DemoStory(ApplicationContext server, DemoWebhooks webhooks, PrintWriter out) {
        this.server = server;
        this.webhooks = webhooks;
        this.out = out;
    }

    /** Tells the whole story; the sample organisation's admin. */
    Login play() throws IOException, InterruptedException {
        OrganizationId organization = server.getBean(CreateOrganizationUseCase.class)
                .createOrganization(WardenCommand.OPERATOR, ORGANIZATION).id();
        Login admin = new Login(ADMIN, AdminCommand.generatedPassword());
        server.getBean(CreateUserUseCase.class).createUser(WardenCommand.OPERATOR, new CreateUserCommand(organization,
                new Username(admin.username()), admin.password(), Role.ORG_ADMIN));
        server.getBean(RegisterWhatsAppAccountUseCase.class).registerWhatsAppAccount(WardenCommand.OPERATOR,
                new RegisterWhatsAppAccountCommand(organization, new WabaId(DemoWebhooks.WABA), ORGANIZATION));
        state = new DemoState(server, organization);
        out.println();
        out.printf("Sample organisation \"%s\" with its admin %s and WhatsApp Business Account %s.%n", ORGANIZATION,
                ADMIN, DemoWebhooks.WABA);

        tell("Meta approves three templates of the account.", "01-templates-approved.json",
                () -> state.templates().size() == 3);
        state.templates().forEach(template -> out.println("   " + DemoState.describe(template)));

        CampaignId campaign = startCampaign(organization);
        for (Step next : STEPS) {
            tell(next.headline(), next.file(), () -> state.template(TEMPLATE).filter(next.applied()).isPresent());
            out.println("   " + DemoState.describe(state.template(TEMPLATE).orElseThrow()));
            out.println("   " + DemoState.describe(state.campaign(campaign)));
            reportAlerts();
        }
        out.flush();
        return admin;
    }

    private CampaignId startCampaign(OrganizationId organization) {
        TemplateSnapshot template = state.template(TEMPLATE).orElseThrow();
        CampaignId campaign = server.getBean(CreateCampaignUseCase.class)
                .createCampaign(WardenCommand.OPERATOR, Optional.of(organization), CAMPAIGN, template.id()).id();
        server.getBean(StartCampaignUseCase.class).startCampaign(WardenCommand.OPERATOR, Optional.of(organization),
                campaign);
        out.printf("%d. %s starts the campaign \"%s\" with %s.%n", ++step, ORGANIZATION, CAMPAIGN, TEMPLATE);
        out.println("   " + DemoState.describe(state.campaign(campaign)));
        return campaign;
    }

    /** Plays a recorded webhook and waits until Warden has applied it (its inbox works in the background). */
    private void tell(String headline, String file, BooleanSupplier applied) throws IOException, InterruptedException {
        out.printf("%d. %s%n", ++step, headline);
        int status = webhooks.play(file);
        out.printf("   (signed webhook %s posted to Warden: HTTP %d)%n", file, status);
        out.flush();
        if (status != 200) {
            throw new IllegalStateException("Warden refused the recorded webhook " + file + " with HTTP " + status);
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!applied.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Warden did not apply the webhook " + file + " within "
                        + PATIENCE.toSeconds() + " seconds; the log above says why");
            }
            Thread.sleep(100);
        }
    }

    /** The alerts raised, and those whose state or severity changed, since the last step. */
    private void reportAlerts() {
        for (AlertSnapshot alert : state.alerts()) {
            AlertSnapshot before = alertsSeen.put(alert.id(), alert);
            if (before == null) {
                out.println("   raised: " + DemoState.describe(alert));
            } else if (before.state() != alert.state()) {
                out.println("   " + alert.state().name().toLowerCase(Locale.ROOT) + ": " + DemoState.describe(alert));
            } else if (before.severity() != alert.severity()) {
                out.println("   now " + alert.severity() + ": " + DemoState.describe(alert));
            }
        }
        long open = alertsSeen.values().stream().filter(alert -> alert.state() == AlertState.OPEN).count();
        out.println("   open alerts: " + open);
    }
}
