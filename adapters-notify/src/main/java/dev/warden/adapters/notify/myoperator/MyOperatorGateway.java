package dev.warden.adapters.notify.myoperator;

import dev.warden.adapters.notify.WholeAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * MyOperator's one send endpoint ({@code POST /chat/messages}) with the account's headers, as the alert
 * channel and customer sends both call it; each sorts the answer into its own outcome.
 */
final class MyOperatorGateway {

    private final HttpClient http;
    private final MyOperatorSettings settings;

    MyOperatorGateway(HttpClient http, MyOperatorSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    HttpResponse<String> post(String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "")
                        + "/chat/messages"))
                .timeout(settings.timeout())
                // Capital B: MyOperator's gateway refuses "bearer".
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("X-MYOP-COMPANY-ID", settings.companyId())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return WholeAnswer.send(http, request, HttpResponse.BodyHandlers.ofString());
    }
}
