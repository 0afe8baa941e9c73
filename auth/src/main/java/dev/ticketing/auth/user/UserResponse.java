package dev.ticketing.auth.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

record UserResponse(@Schema(example = "3f2b8c1e-6a4d-4e9f-8b7a-1c2d3e4f5a6b") UUID id,
                    @Schema(example = "buyer@example.com") String email) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email());
    }
}
