package dev.warden.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A caller with its own client address: HTTP/1.1 over a socket bound to another loopback address
 * (127.0.0.0/8 is all loopback on Linux), so tests can play several clients the server tells apart
 * by socket address, as Warden's login throttle does.
 */
final class LoopbackCaller {

    /** Status line code, the raw head (for headers) and the body as text. */
    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final String address;
    private final int port;

    LoopbackCaller(String address, int port) {
        this.address = address;
        this.port = port;
    }

    Answer postJson(String path, String json) {
        return send("POST", path, json, null);
    }

    Answer login(String path, String username, String password) {
        return postJson(path, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    Answer get(String path, String token) {
        return send("GET", path, null, token);
    }

    private Answer send(String method, String path, String json, String token) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String responseHead = end < 0 ? response : response.substring(0, end);
            String responseBody = end < 0 ? "" : response.substring(end + 4);
            int status = Integer.parseInt(responseHead.split(" ", 3)[1]);
            // A chunked body keeps its chunk sizes; the tests only look for words in it.
            return new Answer(status, responseHead, responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
