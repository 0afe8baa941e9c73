package dev.ticketing.common.messaging;

import java.util.Optional;

/**
 * The version rule of a replica fed by events: an event at version v applies only onto the copy
 * at v − 1, so that versions apply one after another, in order. An event at or below the copy's
 * version was applied before: a duplicate, acknowledged without changing anything. One further
 * ahead, or about a row the copy has not seen yet, came too early: it is deferred and comes back
 * once the events before it are in.
 */
public enum ReplicaVersion {
    /** The event is the copy's next version. */
    APPLY,
    /** The copy has this version, or a later one, already. */
    DUPLICATE,
    /** The copy lacks a version before this one, or the row itself. */
    NOT_YET;

    /** What an event at {@code event} is to a copy at {@code replica} (empty when the row is not in the copy). */
    public static ReplicaVersion of(Optional<Long> replica, long event) {
        if (replica.isEmpty()) {
            return NOT_YET;
        }
        long current = replica.get();
        if (current >= event) {
            return DUPLICATE;
        }
        return current == event - 1 ? APPLY : NOT_YET;
    }

    /**
     * {@link #APPLY} or {@link #DUPLICATE} for an event at {@code event} about {@code row}; an event
     * that came too early is not answered but thrown as a {@link NotYetException}, which defers it.
     * Read {@code replica} under a row lock, so that nothing changes the copy before it is updated.
     */
    public static ReplicaVersion check(String row, Optional<Long> replica, long event) {
        ReplicaVersion verdict = of(replica, event);
        if (verdict == NOT_YET) {
            throw new NotYetException(replica
                    .map(current -> row + " is at version " + current + ", the event at " + event)
                    .orElse(row + " is not in the replica yet"));
        }
        return verdict;
    }
}
