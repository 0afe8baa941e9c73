package dev.ticketing.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds JWTs by hand, byte for byte, so a test can forge exactly one thing at a time (the
 * algorithm, the key, the claims) without a JWT library refusing to make a bad token.
 */
public final class Jwts {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    /**
     * @param alg the header's {@code alg}; {@code none} gets an empty signature, {@code HS384} and
     *            {@code HS512} are signed with that HMAC, any other name with HMAC-SHA256
     */
    public static String token(JsonMapper json, String alg, String key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        String input = B64.encodeToString(json.writeValueAsBytes(header)) + "."
                + B64.encodeToString(json.writeValueAsBytes(claims));
        if (alg.equals("none")) {
            return input + ".";
        }
        String mac = switch (alg) {
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> "HmacSHA256";
        };
        return input + "." + B64.encodeToString(hmac(mac, key, input));
    }

    private static byte[] hmac(String algorithm, String key, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded JSON of a token's header (part 0) or payload (part 1). */
    public static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
