package dev.ticketing.common.messaging;

/** An event that no listener of this service can read: retrying cannot help, so it is parked at once. */
class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String reason) {
        super(reason, null, false, false);
    }
}
