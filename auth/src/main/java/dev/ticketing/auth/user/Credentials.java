package dev.ticketing.auth.user;

/** The rules and messages sign-up and sign-in share. */
final class Credentials {

    static final String EMAIL_MUST_BE_VALID = "Email must be valid";
    static final String PASSWORD_LENGTH = "Password must be between 4 and 20 characters";
    static final String PASSWORD_REQUIRED = "You must supply a password";
    static final String EMAIL_IN_USE = "Email in use";
    static final String INVALID_CREDENTIALS = "Invalid credentials";

    static final int MIN_PASSWORD = 4;
    static final int MAX_PASSWORD = 20;
    /** An address with a dot in its domain, like every address mail can reach. */
    static final String EMAIL_SHAPE = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final int MAX_EMAIL = 254;

    private Credentials() {
    }

    static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
