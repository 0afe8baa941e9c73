package dev.ticketing.auth.user;

import dev.ticketing.common.session.SessionUser;

/** {@code {"currentUser":{id, email, iat}}}, or {@code {"currentUser":null}} without a valid session. */
record CurrentUserResponse(SessionUser currentUser) {
}
