package dev.ticketing.client.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** A successful answer: its body and the headers that matter to a page (cookies it set, links it gave). */
public record ApiResponse<T>(T body, HttpHeaders headers) {

    /** The cookies it set (relayed to the browser after sign-in and sign-out). */
    public List<String> setCookies() {
        return headers.getOrEmpty(HttpHeaders.SET_COOKIE);
    }

    /** The URL of the next page of a list, from its {@code Link: <...>; rel="next"} header; empty on the last page. */
    public Optional<URI> nextLink() {
        return Links.next(headers.getOrEmpty(HttpHeaders.LINK));
    }
}
