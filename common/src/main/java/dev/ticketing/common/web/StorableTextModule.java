package dev.ticketing.common.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, while JSON is read, text that PostgreSQL cannot store: a NUL character fails the
 * insert, and a lone UTF-16 surrogate has no UTF-8 form, so the driver would store {@code ?}.
 * Checked here, every string of every request body is covered before a service sees it.
 */
class StorableTextModule extends SimpleModule {

    StorableTextModule() {
        super("storable-text");
        addDeserializer(String.class, new StorableStringDeserializer());
    }

    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && !storable(text)) {
                throw new UnstorableTextException(parser);
            }
            return text;
        }
    }
}
