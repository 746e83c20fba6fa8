package dev.warden.bootstrap.doctor;

import dev.warden.application.port.out.NotificationPreferencesStore;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.domain.notification.NotificationPreferences;
import dev.warden.domain.organization.Organization;
import dev.warden.domain.organization.OrganizationRepository;
import dev.warden.domain.shared.Page;
import dev.warden.domain.shared.PageRequest;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Every organisation's Slack webhook URL, read in one transaction for {@link SlackCheck}. */
public final class SlackWebhookUrls {

    private SlackWebhookUrls() {
    }

    public static List<URI> read(ApplicationContext context) {
        OrganizationRepository organizations = context.getBean(OrganizationRepository.class);
        NotificationPreferencesStore preferences = context.getBean(NotificationPreferencesStore.class);
        return context.getBean(UnitOfWork.class).inTransaction(() -> {
            List<URI> urls = new ArrayList<>();
            Page<Organization> page;
            int number = 0;
            do {
                page = organizations.findAll(new PageRequest(number++, PageRequest.MAX_SIZE));
                for (Organization organization : page.items()) {
                    preferences.find(organization.id()).flatMap(NotificationPreferences::slackWebhookUrl)
                            .map(URI::create).ifPresent(urls::add);
                }
            } while ((long) number * PageRequest.MAX_SIZE < page.total());
            return urls;
        });
    }
}
