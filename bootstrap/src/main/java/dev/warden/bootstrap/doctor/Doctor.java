package dev.warden.bootstrap.doctor;

import dev.warden.bootstrap.wiring.MetaSettings;
import dev.warden.bootstrap.wiring.NotifySettings;
import io.micronaut.core.value.PropertyResolver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code warden doctor}: checks the database, the Meta token, SMTP, Slack and MyOperator with the
 * configuration Warden would run with, and says what it found, one {@link Finding} each. Changes
 * nothing and sends nothing; every check runs however the others ended.
 */
public final class Doctor {

    private Doctor() {
    }

    /**
     * @param settings    the configuration, as Warden reads it
     * @param slackUrls   the organisations' Slack webhook URLs, read from the database; asked only once
     *                    the database is reachable and its schema current
     */
    public static List<Finding> examine(PropertyResolver settings, Supplier<List<URI>> slackUrls) {
        NotifySettings notify = NotifySettings.from(settings);
        Reachability reachability = new Reachability(notify.timeout());
        List<Finding> findings = new ArrayList<>();
        Finding database = DatabaseCheck.check(settings);
        findings.add(database);
        findings.add(MetaTokenCheck.check(MetaSettings.graph(settings)));
        findings.add(SmtpCheck.check(notify.smtp()));
        findings.addAll(slack(database, slackUrls, reachability));
        findings.add(MyOperatorCheck.check(notify.myOperatorUrl(), notify.myOperatorApiKey(),
                notify.myOperatorCompanyId(), notify.myOperatorPhoneNumberId(), reachability));
        return findings;
    }

    private static List<Finding> slack(Finding database, Supplier<List<URI>> slackUrls, Reachability reachability) {
        if (database.verdict() == Finding.Verdict.NOT_CONFIGURED) {
            return List.of(Finding.notChecked(SlackCheck.SUBJECT, "the organisations' Slack webhook URLs are kept in"
                    + " the database, and none is configured"));
        }
        if (database.verdict() != Finding.Verdict.OK) {
            return List.of(Finding.notChecked(SlackCheck.SUBJECT, "the organisations' Slack webhook URLs are kept in"
                    + " the database; fix the database first"));
        }
        List<URI> urls;
        try {
            urls = slackUrls.get();
        } catch (RuntimeException e) {
            return List.of(Finding.fail(SlackCheck.SUBJECT, "could not read the organisations' Slack webhook URLs: "
                    + e.getClass().getSimpleName()));
        }
        return SlackCheck.check(urls, reachability);
    }
}
