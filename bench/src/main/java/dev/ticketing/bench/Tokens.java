package dev.ticketing.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens for simulated buyers, signed with the system's JWT_KEY: thousands of buyers
 * without thousands of BCrypt sign-ups, which would measure the password hash, not ordering.
 */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    Tokens(String jwtKey) {
        this.key = jwtKey.getBytes(StandardCharsets.UTF_8);
    }

    String forNewUser() {
        UUID id = UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String payload = encode("{\"id\":\"" + id + "\",\"email\":\"bench-" + id + "@example.com\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}");
        String signed = header + "." + payload;
        return signed + "." + URL.encodeToString(hmac(signed));
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
