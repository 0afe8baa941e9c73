package dev.ticketing.e2e.support;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One answer of the system: status, headers and body, with the body readable as JSON. */
public record Response(String method, String path, int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Api.JSON.readTree(body.isEmpty() ? "null" : body);
    }

    public <T> T as(Class<T> type) {
        return Api.JSON.readValue(body, type);
    }

    /** The messages of the error envelope {@code {"errors":[{"message":...}]}}, in order. */
    public List<String> errorMessages() {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : json().path("errors")) {
            messages.add(error.path("message").asString());
        }
        return messages;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Throws, with the whole answer in the message, unless the status is the expected one. */
    public Response expect(int expected) {
        if (status != expected) {
            throw new AssertionError(method + " " + path + ": expected " + expected + " but was " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        String shown = body.length() > 1_000 ? body.substring(0, 1_000) + "..." : body;
        return status + " " + shown;
    }
}
