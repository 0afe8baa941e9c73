package dev.ticketing.auth.user;

import static dev.ticketing.auth.user.Credentials.EMAIL_IN_USE;
import static dev.ticketing.auth.user.Credentials.INVALID_CREDENTIALS;
import static dev.ticketing.auth.user.Credentials.MAX_PASSWORD;

import dev.ticketing.auth.ratelimit.AttemptLimiter;
import dev.ticketing.auth.ratelimit.AttemptLimiter.Action;
import dev.ticketing.auth.ratelimit.AttemptLimiter.Attempt;
import dev.ticketing.common.Ids;
import dev.ticketing.common.web.ApiException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Signing up and signing in, within the rate limits. */
@Service
class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final Users users;
    private final PasswordEncoder passwords;
    private final AttemptLimiter limiter;
    /** Checked against when the email is unknown, so a wrong email takes as long as a wrong password. */
    private final String decoyHash;

    Accounts(Users users, PasswordEncoder passwords, AttemptLimiter limiter) {
        this.users = users;
        this.passwords = passwords;
        this.limiter = limiter;
        this.decoyHash = passwords.encode("decoy-password");
    }

    User signUp(String email, String password, String clientAddress) {
        String normalized = normalize(email);
        Attempt attempt = limiter.begin(Action.SIGN_UP, clientAddress, normalized);
        if (users.findByEmail(normalized).isPresent()) {
            throw ApiException.badRequest(EMAIL_IN_USE);
        }
        User user = new User(Ids.next(), normalized, passwords.encode(password));
        try {
            users.insert(user);
        } catch (DuplicateKeyException raceLost) {
            // another sign-up of the same email committed between our check and our insert
            throw ApiException.badRequest(EMAIL_IN_USE);
        }
        attempt.succeeded();
        log.info("User {} signed up", user.id());
        return user;
    }

    User signIn(String email, String password, String clientAddress) {
        String normalized = normalize(email);
        Attempt attempt = limiter.begin(Action.SIGN_IN, clientAddress, normalized);
        Optional<User> user = users.findByEmail(normalized);
        // no stored password is longer than the sign-up limit, and BCrypt refuses inputs over 72 bytes
        boolean possible = password.length() <= MAX_PASSWORD;
        boolean matches = passwords.matches(possible ? password : "",
                user.map(User::passwordHash).orElse(decoyHash));
        if (user.isEmpty() || !possible || !matches) {
            throw ApiException.badRequest(INVALID_CREDENTIALS);
        }
        attempt.succeeded();
        return user.get();
    }

    private static String normalize(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
