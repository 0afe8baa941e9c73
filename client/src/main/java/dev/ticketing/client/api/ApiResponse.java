package dev.ticketing.client.api;

import java.util.List;

/** A successful answer: its body and the cookies it set (relayed to the browser after sign-in and sign-out). */
public record ApiResponse<T>(T body, List<String> setCookies) {
}
