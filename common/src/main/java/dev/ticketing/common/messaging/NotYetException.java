package dev.ticketing.common.messaging;

/**
 * Thrown by a listener for an event that arrived before one it depends on (an out-of-order
 * version): the event is redelivered after a short delay, and this is not counted as a failure.
 */
public class NotYetException extends RuntimeException {

    public NotYetException(String reason) {
        super(reason, null, false, false);
    }
}
