package dev.ticketing.common.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the session JWT: HS256 with the shared key, payload {@code {id, email, iat, exp}}.
 * Anything else (alg none, another algorithm or key, no or past {@code exp}) is no session.
 */
public class SessionTokens {

    private final JwtProperties properties;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    public SessionTokens(JwtProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        try {
            this.signer = new MACSigner(properties.keyBytes());
            this.verifier = new MACVerifier(properties.keyBytes());
        } catch (JOSEException e) {
            throw new IllegalStateException("JWT_KEY cannot sign HS256 tokens", e);
        }
    }

    public String issue(UUID userId, String email) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("id", userId.toString())
                .claim("email", email)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a session token", e);
        }
        return jwt.serialize();
    }

    public Optional<SessionUser> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            String id = claims.getStringClaim("id");
            String email = claims.getStringClaim("email");
            if (expires == null || !expires.toInstant().isAfter(clock.instant()) || id == null || email == null) {
                return Optional.empty();
            }
            long iat = issued == null ? 0 : issued.toInstant().getEpochSecond();
            return Optional.of(new SessionUser(UUID.fromString(id), email, iat));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
