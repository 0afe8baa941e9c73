package dev.ticketing.auth.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only route that fails the way a bug would, to see what a client gets. */
@RestController
class ExplodingController {

    static final String SECRET_DETAIL = "connection string postgres://secret";

    @GetMapping("/test-only/explode")
    String explode() {
        throw new IllegalStateException("Boom: " + SECRET_DETAIL);
    }
}
