package dev.ticketing.expiration.hold;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** Stores a task's data as JSON (readable in the table, and stable across class changes), not Java serialization. */
final class JsonTaskData implements Serializer {

    private final JsonMapper json;

    JsonTaskData(JsonMapper json) {
        this.json = json;
    }

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return bytes == null ? null : json.readValue(bytes, type);
    }
}
