package dev.ticketing.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Ticket;
import dev.ticketing.e2e.support.User;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test class shares: the running system, one headless Chromium for the class
 * (started once the system is warm), each test signed out at desktop width, and the browser's view
 * of a failure. A class's screenshots go to {@code e2e/target/screenshots/<class>/}.
 */
@EndToEnd
abstract class BrowserTest {

    static RunningSystem system;
    static Api api;
    static Propagation propagation;
    static Browser browser;

    @RegisterExtension
    static final FailureScreenshots FAILURES = new FailureScreenshots(() -> browser);

    @BeforeAll
    static void startBrowser(RunningSystem running, TestInfo test) {
        system = running;
        api = running.api();
        propagation = new Propagation(running);
        long start = System.nanoTime();
        warmUp();
        long warm = System.nanoTime();
        String folder = test.getTestClass().map(Class::getSimpleName).orElse("browser");
        browser = Browser.start(running.baseUrl(), running.repository().resolve("e2e/target/screenshots/" + folder));
        System.out.printf("[browser] warm-up purchase %.1f s, Chromium started in %.1f s%n", (warm - start) / 1e9,
                (System.nanoTime() - warm) / 1e9);
    }

    /**
     * One purchase through the API and a look at the pages the tests use, before the browser starts:
     * a buyer has only the short order expiration to pay, which freshly started services may not fit.
     */
    private static void warmUp() {
        User seller = api.signUp();
        Ticket ticket = seller.createTicket("Warm-up " + shortId(), "1");
        propagation.ticketKnownToOrders(ticket.id());
        User buyer = api.signUp();
        Order order = buyer.orderWhenOrderable(ticket.id());
        propagation.orderKnownToPayments(order.id());
        assertThat(buyer.get("/orders/" + order.id()).status()).isEqualTo(200);
        buyer.pay(order.id(), "tok_visa");
        assertThat(buyer.get("/orders").status()).isEqualTo(200);
        assertThat(seller.get("/tickets/mine").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/?q=warm").status()).isEqualTo(200);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void signedOutAtDesktopWidth() {
        browser.desktop();
        browser.forgetSession();
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
