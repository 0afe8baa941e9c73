package dev.ticketing.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few API calls the scenarios make, through the gateway, as a given session. */
final class Api {

    record Reply(int status, JsonNode body) {
        boolean created() {
            return status == 201;
        }

        String id() {
            return body.get("id").asString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final JsonMapper json = JsonMapper.shared();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    Reply createTicket(String token, String title, String price) {
        return post(token, "/api/tickets", "{\"title\":\"" + title + "\",\"price\":" + price + "}");
    }

    Reply order(String token, String ticketId) {
        return post(token, "/api/orders", "{\"ticketId\":\"" + ticketId + "\"}");
    }

    /** An order placed inside the caller's trace: a W3C {@code traceparent}, whose flag says whether it is sampled. */
    Reply order(String token, String ticketId, String traceParent) {
        return send(token, HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                .header("Content-Type", "application/json")
                .header("traceparent", traceParent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"" + ticketId + "\"}")));
    }

    Reply getTicket(String token, String ticketId) {
        return send(token, HttpRequest.newBuilder(URI.create(base + "/api/tickets/" + ticketId)).GET());
    }

    Reply getOrder(String token, String orderId) {
        return send(token, HttpRequest.newBuilder(URI.create(base + "/api/orders/" + orderId)).GET());
    }

    private Reply post(String token, String path, String body) {
        return send(token, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(String token, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isBlank() ? null : json.readTree(body));
        } catch (IOException e) {
            return new Reply(599, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(599, null);
        }
    }
}
