package dev.ticketing.common.session;

import java.util.UUID;

/** The signed-in user a valid session names; {@code iat} is the token's issue time in epoch seconds. */
public record SessionUser(UUID id, String email, long iat) {
}
