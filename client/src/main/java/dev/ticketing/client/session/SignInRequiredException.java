package dev.ticketing.client.session;

/** A page that needs a signed-in visitor was asked for by a signed-out one: off to sign in, then back to {@code next}. */
public class SignInRequiredException extends RuntimeException {

    private final String next;

    public SignInRequiredException(String next) {
        super("Sign-in required for " + next, null, false, false);
        this.next = next;
    }

    public String next() {
        return next;
    }
}
