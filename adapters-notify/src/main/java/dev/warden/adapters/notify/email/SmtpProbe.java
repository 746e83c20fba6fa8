package dev.warden.adapters.notify.email;

import dev.warden.adapters.notify.Links;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Talks to the SMTP server as the e-mail channel would, up to where a mail would start: connect,
 * EHLO, STARTTLS when configured, AUTH when a username is; then QUIT. Sends nothing (for
 * {@code warden doctor}). The password goes only to the server.
 */
public final class SmtpProbe {

    /** How the conversation went, in words that never hold the password. */
    public enum Result { ACCEPTED, UNREACHABLE, CREDENTIALS_REFUSED, FAILED }

    /** The result and what the server or the network said. */
    public record Outcome(Result result, String detail) {
    }

    private SmtpProbe() {
    }

    public static Outcome check(SmtpSettings settings) {
        Session session = Session.getInstance(SmtpEmailChannel.properties(settings));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            return new Outcome(Result.ACCEPTED, settings.username().map(user -> "signed in as " + user)
                    .orElse("no AUTH configured"));
        } catch (AuthenticationFailedException e) {
            return new Outcome(Result.CREDENTIALS_REFUSED, said(e));
        } catch (MailConnectException e) {
            return new Outcome(Result.UNREACHABLE, e.getHost() + ":" + e.getPort()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
        } catch (MessagingException e) {
            return new Outcome(Result.FAILED, said(e));
        }
    }

    private static String said(MessagingException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Links.cut(message.replaceAll("\\s+", " ").strip(), 200);
    }
}
