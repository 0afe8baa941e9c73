package dev.ticketing.auth.user;

import java.util.UUID;

record UserResponse(UUID id, String email) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email());
    }
}
