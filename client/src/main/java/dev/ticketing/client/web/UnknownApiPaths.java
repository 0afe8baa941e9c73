package dev.ticketing.client.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web UI is the gateway's catch-all, so an {@code /api} path that no service owns ends up
 * here: it is answered as the API answers an unknown route (404 in the error envelope), not with
 * a page.
 */
@RestController
class UnknownApiPaths {

    static final String NOT_FOUND = "{\"errors\":[{\"message\":\"Not found\"}]}";

    @RequestMapping({"/api", "/api/**"})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(NOT_FOUND);
    }
}
