package dev.ticketing.common.web;

/** A request body went past the limit while it was being read (a chunked body has no length to check up front). */
class PayloadTooLargeException extends java.io.IOException {

    PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
