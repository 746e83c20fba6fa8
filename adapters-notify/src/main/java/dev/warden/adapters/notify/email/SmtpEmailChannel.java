package dev.warden.adapters.notify.email;

import dev.warden.adapters.notify.Links;
import dev.warden.application.port.out.NotificationChannel;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import dev.warden.domain.notification.NotificationMessage;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * E-mail over SMTP with Jakarta Mail (Angus): multipart/alternative, plain text first and HTML
 * last, a Message-ID made from the notification id (a retry carries the same id, so it is
 * recognisable), and {@code Auto-Submitted} so out-of-office replies stay away. SMTP 4xx and a
 * server out of reach are retried; 5xx is final; refused credentials stop the channel with an alert.
 */
public final class SmtpEmailChannel implements NotificationChannel {

    static final int SUBJECT_LIMIT = 78;

    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailChannel(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings), settings.username().map(user ->
                new jakarta.mail.Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user, settings.password().orElse(""));
                    }
                }).orElse(null));
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    /** The Message-ID every try of this notification carries. */
    public static String messageId(Notification notification) {
        return "<notification-" + notification.id() + "@warden>";
    }

    @Override
    public DeliveryOutcome deliver(Notification notification) {
        String messageId = messageId(notification);
        try {
            Transport.send(compose(notification, messageId));
            return new DeliveryOutcome.Sent(Optional.of(messageId));
        } catch (AuthenticationFailedException e) {
            return new DeliveryOutcome.Permanent("SMTP refused the credentials", true);
        } catch (MailConnectException e) {
            return DeliveryOutcome.retryable("SMTP server unreachable: " + e.getHost() + ":" + e.getPort());
        } catch (SMTPAddressFailedException e) {
            return byReturnCode(e.getReturnCode(), "SMTP refused the recipient: " + e.getReturnCode());
        } catch (SMTPSendFailedException e) {
            return byReturnCode(e.getReturnCode(), "SMTP refused the message: " + e.getReturnCode() + " "
                    + Links.cut(String.valueOf(e.getMessage()).trim(), 200));
        } catch (SendFailedException e) {
            Exception next = e.getNextException();
            if (next instanceof SMTPAddressFailedException address) {
                return byReturnCode(address.getReturnCode(), "SMTP refused the recipient: " + address.getReturnCode());
            }
            return DeliveryOutcome.permanent("SMTP refused the recipient address");
        } catch (MessagingException e) {
            // The connection dropped or timed out mid-conversation: the server may or may not have the
            // message; a repeat carries the same Message-ID.
            return DeliveryOutcome.retryable("SMTP failed: " + e.getClass().getSimpleName() + " "
                    + Links.cut(String.valueOf(e.getMessage()), 200));
        }
    }

    private static DeliveryOutcome byReturnCode(int code, String error) {
        return code >= 400 && code < 500 ? DeliveryOutcome.retryable(error) : DeliveryOutcome.permanent(error);
    }

    MimeMessage compose(Notification notification, String messageId) throws MessagingException {
        NotificationMessage message = notification.message();
        String link = Links.dashboard(settings.dashboardUrl(), message);
        MimeMessage mail = new StableIdMessage(session, messageId);
        mail.setFrom(new InternetAddress(settings.from()));
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(notification.recipient()));
        mail.setSubject(Links.cut("[Warden] " + message.title(), SUBJECT_LIMIT), StandardCharsets.UTF_8.name());
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.setHeader("X-Warden-Notification-Id", notification.id().toString());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain(message, link), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent(html(message, link), "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mail.setContent(alternative);
        return mail;
    }

    private static String plain(NotificationMessage message, String link) {
        StringBuilder out = new StringBuilder(message.title()).append("\n\n").append(message.text()).append("\n\n");
        message.fields().forEach((name, value) -> out.append(name).append(": ").append(value).append('\n'));
        return out.append("\nOpen in Warden: ").append(link).append('\n').toString();
    }

    private static String html(NotificationMessage message, String link) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><body><h2>").append(escape(message.title()))
                .append("</h2><p>").append(escape(message.text())).append("</p><table>");
        message.fields().forEach((name, value) -> out.append("<tr><th align=\"left\">").append(escape(name))
                .append("</th><td>").append(escape(value)).append("</td></tr>"));
        return out.append("</table><p><a href=\"").append(escape(link)).append("\">Open in Warden</a></p></body></html>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        String timeout = Long.toString(settings.timeout().toMillis());
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        // With STARTTLS on, a server that does not offer it is refused rather than talked to in clear.
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        // Jakarta Mail waits forever by default; a hung server must not hold a dispatcher.
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.from", settings.from());
        return p;
    }
}
