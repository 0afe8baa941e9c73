package dev.ticketing.common.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON string held text PostgreSQL cannot store; Jackson fills in the path to it as the exception travels up. */
class UnstorableTextException extends MismatchedInputException {

    static final String MESSAGE = "Text must not contain a NUL character or a lone surrogate";

    UnstorableTextException(JsonParser parser) {
        super(parser, MESSAGE, String.class);
    }

    /** The field as validation names it: {@code title}, {@code ticket.title}, {@code tags[1]}. */
    String field() {
        StringBuilder field = new StringBuilder();
        for (Reference reference : getPath()) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }
}
