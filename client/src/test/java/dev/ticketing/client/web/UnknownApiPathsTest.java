package dev.ticketing.client.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ticketing.client.PageTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

class UnknownApiPathsTest extends PageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api", "/api/", "/api/nope", "/api/usersettings", "/api/tickets-old/1"})
    void anApiPathNoServiceOwnsIsAnsweredLikeTheApiAnswersAnUnknownRoute(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("{\"errors\":[{\"message\":\"Not found\"}]}", true));
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"errors\":[{\"message\":\"Not found\"}]}", true));
    }
}
