package dev.ticketing.common.session;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short JWT_KEY into Boot's short start-up failure report instead of a stack trace. */
class InvalidJwtKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidJwtKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidJwtKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set JWT_KEY to the same random secret for every service, for example: export JWT_KEY=$(openssl rand -hex 32)",
                cause);
    }
}
