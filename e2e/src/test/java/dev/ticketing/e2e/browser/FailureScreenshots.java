package dev.ticketing.e2e.browser;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a browser test fails, keeps what the browser showed: {@code FAILED-<test>.png} and {@code .html}. */
final class FailureScreenshots implements TestWatcher {

    private final Supplier<Browser> browser;

    FailureScreenshots(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser current = browser.get();
        if (current == null) {
            return;
        }
        try {
            current.saveFailure(context.getRequiredTestMethod().getName());
        } catch (RuntimeException e) {
            System.err.println("[browser] no screenshot of the failure: " + e.getMessage());
        }
    }
}
