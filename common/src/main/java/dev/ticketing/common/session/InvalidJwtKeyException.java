package dev.ticketing.common.session;

/** JWT_KEY is missing or too short to sign HS256 tokens safely. */
public class InvalidJwtKeyException extends IllegalStateException {

    InvalidJwtKeyException() {
        super("JWT_KEY must be set to a secret of at least " + JwtProperties.MIN_KEY_BYTES + " bytes");
    }
}
