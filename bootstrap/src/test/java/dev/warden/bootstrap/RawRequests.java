package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP/1.1 written by hand on a socket, so that a test can stop in the middle of a request's body. */
final class RawRequests {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length:\\s*(\\d+)");

    private RawRequests() {
    }

    static Socket connect(int port) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String webhookHead(String lengthHeader, boolean close) {
        return "POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + lengthHeader
                + (close ? "Connection: close\r\n" : "") + "\r\n";
    }

    /** A connection that has sent {@code sent} bytes of a body it announced 50,000 bytes longer, and waits. */
    static Socket holding(Socket socket, int sent) {
        send(socket, webhookHead("Content-Length: " + (sent + 50_000) + "\r\n", false) + "{".repeat(sent));
        return socket;
    }

    /** Everything the server answers until it closes; what a reset cut off is lost, as a client would lose it. */
    static String readUntilClosed(Socket socket) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // The server closed with bytes of ours unread: what came before the reset is kept.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /** One answer whose length its {@code Content-Length} gives, read without waiting for the connection to close. */
    static String readOneAnswer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    fail("the connection closed in the answer's head: %s", head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            Matcher length = CONTENT_LENGTH.matcher(text);
            if (!length.find()) {
                fail("an answer without Content-Length: %s", text);
            }
            return text + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server says nothing for half a second: it waits for the rest of the request. */
    static void assertNoAnswerYet(Socket socket) {
        try {
            socket.setSoTimeout(500);
            int read = socket.getInputStream().read();
            fail("the server answered (or closed, %d) before the request was whole", read);
        } catch (SocketTimeoutException waiting) {
            // Nothing to answer yet.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(30_000);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
