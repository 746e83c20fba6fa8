package dev.warden.adapters.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.warden.adapters.notify.Notifications;
import dev.warden.domain.notification.ChannelKind;
import dev.warden.domain.notification.DeliveryOutcome;
import dev.warden.domain.notification.Notification;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The e-mail channel against GreenMail on a free port: the message, the stable id, and failures. */
class SmtpEmailChannelTest {

    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private SmtpEmailChannel channelOn(int port) {
        return new SmtpEmailChannel(new SmtpSettings("127.0.0.1", port, Optional.empty(), Optional.empty(),
                "warden@example.com", false, "https://warden.example.com", Duration.ofSeconds(2)));
    }

    private int startServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp.getSmtp().getPort();
    }

    @Test
    void sends_multipart_text_and_html_with_a_message_id_made_from_the_notification() throws Exception {
        SmtpEmailChannel channel = channelOn(startServer());
        Notification notification = Notifications.to(ChannelKind.EMAIL, "ops@example.com");

        DeliveryOutcome outcome = channel.deliver(notification);
        DeliveryOutcome again = channel.deliver(notification);

        String id = "<notification-" + notification.id() + "@warden>";
        assertThat(outcome).isEqualTo(new DeliveryOutcome.Sent(Optional.of(id)));
        assertThat(again).isEqualTo(outcome);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2).allSatisfy(m -> assertThat(m.getMessageID())
                .as("a retry carries the same Message-ID").isEqualTo(id));
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[Warden] CRITICAL: QUALITY_DEGRADED");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent().toString()).contains("RED & falling")
                .contains("https://warden.example.com/alerts/");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("RED &amp; falling")
                .contains("order_update &lt;en&gt;");
    }

    @Test
    void a_server_out_of_reach_is_retried() {
        int port = startServer();
        smtp.stop();
        smtp = null;

        DeliveryOutcome outcome = channelOn(port).deliver(Notifications.to(ChannelKind.EMAIL, "ops@example.com"));

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Retryable.class);
        assertThat(((DeliveryOutcome.Retryable) outcome).error()).contains("unreachable");
    }

    @Test
    void starttls_required_against_a_server_without_it_is_not_sent_in_clear() {
        int port = startServer();
        SmtpEmailChannel strict = new SmtpEmailChannel(new SmtpSettings("127.0.0.1", port, Optional.empty(),
                Optional.empty(), "warden@example.com", true, "https://warden.example.com", Duration.ofSeconds(2)));

        DeliveryOutcome outcome = strict.deliver(Notifications.to(ChannelKind.EMAIL, "ops@example.com"));

        assertThat(outcome).isNotInstanceOf(DeliveryOutcome.Sent.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
