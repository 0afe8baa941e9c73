package dev.ticketing.common.events;

/**
 * An event of the contract: one record per subject, named in the past tense. The record's JSON
 * is the message body; the event's id travels in the {@code Nats-Msg-Id} header, not the body.
 */
public sealed interface Event
        permits TicketCreated, TicketUpdated, OrderCreated, OrderCancelled, OrderCompleted,
                ExpirationComplete, PaymentCreated {
}
