package dev.ticketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** bench/results.json: the report's figures by name, for tools and for comparing runs. */
final class Results {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Results() {
    }

    static void write(Path file, Map<String, Object> figures) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(figures) + "\n");
    }
}
