package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The service's {@link Listener}s by contract subject, and how an event's body becomes their record. */
class Listeners {

    private final Map<String, Listener<?>> bySubject;
    private final JsonMapper json;

    Listeners(List<Listener<?>> listeners, JsonMapper json) {
        this.bySubject = listeners.stream().collect(Collectors.toMap(l -> l.type().subject(), Function.identity()));
        this.json = json;
    }

    Set<String> subjects() {
        return bySubject.keySet();
    }

    boolean hears(String subject) {
        return bySubject.containsKey(subject);
    }

    IncomingEvent read(UUID id, String subject, byte[] body, String traceParent) {
        return read(id, subject, new String(body, StandardCharsets.UTF_8), traceParent);
    }

    IncomingEvent read(UUID id, String subject, String payload, String traceParent) {
        Listener<?> listener = bySubject.get(subject);
        if (listener == null) {
            throw new UnreadableEventException("no listener for " + subject);
        }
        try {
            Event event = json.readValue(payload, listener.type().payloadType());
            return new IncomingEvent(id, subject, listener, event, payload, traceParent);
        } catch (JacksonException e) {
            throw new UnreadableEventException("unreadable payload: " + e.getOriginalMessage());
        }
    }
}
