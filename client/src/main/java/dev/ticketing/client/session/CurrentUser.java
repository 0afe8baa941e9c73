package dev.ticketing.client.session;

/** Who is signed in, as the auth service's {@code currentuser} route says. */
public record CurrentUser(String id, String email) {
}
