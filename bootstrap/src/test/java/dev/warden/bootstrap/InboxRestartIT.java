package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.in.Actor;
import dev.warden.application.port.in.CreateOrganizationUseCase;
import dev.warden.application.port.in.ListTemplatesUseCase;
import dev.warden.application.port.in.ProcessWebhookChangeUseCase;
import dev.warden.application.port.in.ReceiveWebhookUseCase;
import dev.warden.application.port.in.RegisterWhatsAppAccountCommand;
import dev.warden.application.port.in.RegisterWhatsAppAccountUseCase;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.shared.PageRequest;
import dev.warden.domain.template.TemplateFilter;
import dev.warden.domain.template.TemplateStatus;
import dev.warden.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A process that stops with a backlog loses nothing: what was acknowledged but not yet processed
 * is picked up by the next process on start.
 */
class InboxRestartIT {

    private static final Actor ROOT = new Actor("root", Role.SUPER_ADMIN, Optional.empty());
    /** More than one claimed batch (ProcessWebhookChangeService's BATCH, 200), so the first process leaves a backlog. */
    private static final int TEMPLATES = 260;

    private static Map<String, Object> properties(boolean workers) {
        Map<String, Object> properties = new HashMap<>(TestPostgres.properties());
        properties.put("warden.inbox.workers.enabled", String.valueOf(workers));
        return properties;
    }

    @Test
    void a_restart_mid_backlog_processes_everything_once() {
        String waba = MetaWebhooks.randomWaba();
        OrganizationId org;
        try (ApplicationContext first = ApplicationContext.run(properties(false))) {
            org = first.getBean(CreateOrganizationUseCase.class).createOrganization(ROOT, "Restart Co").id();
            first.getBean(RegisterWhatsAppAccountUseCase.class).registerWhatsAppAccount(ROOT,
                    new RegisterWhatsAppAccountCommand(org, new WabaId(waba), "Main"));
            ReceiveWebhookUseCase receive = first.getBean(ReceiveWebhookUseCase.class);
            for (int i = 0; i < TEMPLATES; i++) {
                receive(receive, waba, i);
            }
            // One round of processing, then the process stops with the rest of the backlog waiting.
            assertThat(first.getBean(ProcessWebhookChangeUseCase.class).processNext()).isTrue();
            assertThat(count(first, org)).isPositive().isLessThan(TEMPLATES);
        }

        try (ApplicationContext second = ApplicationContext.run(properties(true))) {
            second.getBean(InboxWorkers.class).start(null);
            Eventually.holds(() -> assertThat(count(second, org)).isEqualTo(TEMPLATES));
            assertThat(second.getBean(ListTemplatesUseCase.class).listTemplates(ROOT,
                    TemplateFilter.of(org).withStatus(TemplateStatus.APPROVED), new PageRequest(0, 100)).total())
                    .isEqualTo(TEMPLATES);
        }
    }

    private static void receive(ReceiveWebhookUseCase receive, String waba, int i) {
        byte[] body = bytes(status(waba, 1000, String.valueOf(880_000 + i), "APPROVED"));
        assertThat(receive.receive(body, sign(body)).toCompletableFuture().join().accepted()).isTrue();
    }

    private static long count(ApplicationContext context, OrganizationId org) {
        return context.getBean(ListTemplatesUseCase.class).listTemplates(ROOT, TemplateFilter.of(org),
                new PageRequest(0, 100)).total();
    }
}
