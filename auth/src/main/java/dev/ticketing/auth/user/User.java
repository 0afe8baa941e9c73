package dev.ticketing.auth.user;

import java.util.UUID;

/** A registered user; the email is stored lower-cased. */
record User(UUID id, String email, String passwordHash) {
}
