package dev.ticketing.common.webtest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal service for the web rules' tests: one route that stores text in PostgreSQL and answers
 * what PostgreSQL kept, so text it cannot store shows up as it would in a real service.
 */
@SpringBootApplication
class WebTestApplication {

    record Note(@NotBlank String title, Author author, List<String> tags) {
    }

    record Author(String name) {
    }

    @RestController
    static class NotesController {

        private final JdbcClient jdbc;

        NotesController(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/api/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Note create(@Valid @RequestBody Note note) {
            return new Note(stored(note.title()), note.author() == null ? null : new Author(stored(note.author().name())),
                    note.tags() == null ? null : note.tags().stream().map(this::stored).toList());
        }

        private String stored(String text) {
            return text == null ? null : jdbc.sql("SELECT CAST(? AS text)").param(text).query(String.class).single();
        }
    }
}
