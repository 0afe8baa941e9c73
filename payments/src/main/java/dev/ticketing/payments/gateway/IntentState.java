package dev.ticketing.payments.gateway;

/** Where a PaymentIntent stands at the provider, as far as the money goes. */
public sealed interface IntentState {

    /** The money was taken. */
    record Succeeded(String paymentIntentId) implements IntentState {
    }

    /** Nothing taken yet, but it still could be: the buyer's confirmation or another card may come. */
    record Open(String paymentIntentId) implements IntentState {
    }

    /** Cancelled: it will never take money. */
    record Canceled(String paymentIntentId) implements IntentState {
    }

    /** The provider could not be reached, failed, or is still processing: ask again later. */
    record Unknown(String reason) implements IntentState {
    }
}
