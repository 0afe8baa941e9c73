package dev.ticketing.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Ticket;
import dev.ticketing.e2e.support.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web pages in a real browser (headless Chromium), through the running system's gateway, as a
 * seller and buyers use them. One browser serves every test; each starts signed out at desktop width.
 * Every step is saved as {@code e2e/target/screenshots/WebUiTest/NN-<step>.png}, the key pages also at a
 * phone's width, for a person to look at.
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest extends BrowserTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern ORDER_PAGE = Pattern.compile("/orders/(" + UUID_PATTERN + ")");
    private static final Pattern LISTED_TICKET_PAGE = Pattern.compile("/tickets/(" + UUID_PATTERN + ")\\?listed");
    private static final Pattern COUNTDOWN = Pattern.compile("Time left to pay: \\d+ seconds");


    @Test
    @org.junit.jupiter.api.Order(1)
    void aSellerSellsATicketAndABuyerPaysForItWhileTheCountdownRuns() {
        String title = "Browser concert " + shortId();

        // given a seller who signs up and puts a ticket on sale
        browser.open("/");
        assertThat(browser.headerLinks()).containsExactly("Ticketing", "Sign Up", "Sign In");
        browser.screenshot("home-signed-out");
        browser.clickInHeader("Sign Up");
        browser.fill("#email", email("seller"));
        browser.fill("#password", Api.PASSWORD);
        browser.screenshot("seller-signs-up");
        browser.submitMainForm();
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.headerLinks()).containsExactly("Ticketing", "Sell Tickets", "My Tickets", "My Orders", "Sign Out");

        browser.clickInHeader("Sell Tickets");
        assertThat(browser.path()).isEqualTo("/tickets/new");
        browser.fill("#title", title);
        browser.fill("#price", "25.5");
        browser.tabOutOf("#price");
        assertThat(browser.find("#price").getDomProperty("value")).as("the price, once the seller leaves the field")
                .isEqualTo("25.50");
        browser.screenshot("seller-fills-in-the-ticket");
        browser.submitMainForm();

        Matcher listed = LISTED_TICKET_PAGE.matcher(browser.path());
        assertThat(listed.matches()).as("the ticket's page after selling, not %s", browser.path()).isTrue();
        String ticketId = listed.group(1);
        assertThat(browser.text("main .alert-success")).isEqualTo("Your ticket is on sale.");
        assertThat(browser.text("main h1")).isEqualTo(title);
        assertThat(browser.text("main .price")).isEqualTo("$25.50");
        assertThat(browser.text("main .alert-info")).isEqualTo("This is your ticket.");
        assertThat(purchaseButton()).isEmpty();
        browser.screenshot("ticket-on-sale");

        browser.clickInHeader("Sign Out");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.headerLinks()).containsExactly("Ticketing", "Sign Up", "Sign In");

        // when a buyer signs up, finds the ticket on the home page and purchases it
        browser.clickInHeader("Sign Up");
        browser.fill("#email", email("buyer"));
        browser.fill("#password", Api.PASSWORD);
        browser.submitMainForm();
        assertThat(browser.path()).isEqualTo("/");
        WebElement row = ticketRow(title).orElseThrow(() -> new AssertionError(
                "'" + title + "' is not on the home page: " + browser.text("main")));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .startsWith(title, "$25.50");
        browser.screenshot("buyer-sees-the-ticket-on-the-home-page");
        browser.clickAndWaitForPage(row.findElement(By.linkText("View")));
        assertThat(browser.path()).isEqualTo("/tickets/" + ticketId);
        assertThat(browser.findAll("main .alert-info")).isEmpty();
        browser.screenshot("buyer-opens-the-ticket");

        propagation.ticketKnownToOrders(ticketId);
        browser.clickAndWaitForPage(purchaseButton().orElseThrow(() -> new AssertionError("no Purchase button")));

        // then the order's page counts down the time left to pay, second by second
        Matcher orderPage = ORDER_PAGE.matcher(browser.path());
        assertThat(orderPage.matches()).as("the order's page after Purchase, not %s", browser.path()).isTrue();
        String orderId = orderPage.group(1);
        assertThat(browser.text("main h1")).isEqualTo(title);
        assertThat(browser.text("main .badge.status")).isEqualTo("created");
        long start = secondsLeft();
        assertThat(start).isPositive().isLessThanOrEqualTo(system.orderExpiration().toSeconds());
        assertThat(browser.text("#countdown")).matches("(?s)Time left to pay: \\d+ seconds\\s+Pay before .+");
        browser.screenshot("order-counts-down");
        browser.await("the countdown to go down by two seconds from " + start, d -> secondsLeft() <= start - 2,
                Duration.ofSeconds(5));
        browser.screenshot("order-countdown-two-seconds-later");

        // and paying with the test card completes the order
        propagation.orderKnownToPayments(orderId);
        browser.fill("#token", "tok_visa");
        browser.clickAndWaitForPage(browser.find("#pay-form [type=submit]"));
        assertThat(browser.path()).isEqualTo("/orders?paid=" + orderId);
        assertThat(browser.text("main .alert-success")).startsWith("Payment received: your order for " + title);
        WebElement paid = awaitOrderStatus(title, "complete", Duration.ofSeconds(10));
        assertThat(paid.getDomAttribute("class")).contains("table-success");
        assertThat(paid.findElement(By.cssSelector(".badge.status")).getDomAttribute("class")).contains("text-bg-success");
        browser.screenshot("order-complete-in-my-orders");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void formsShowEachValidationErrorUnderItsField() {
        // given a visitor who gets both sign-up fields wrong
        browser.open("/auth/signup");
        browser.fill("#email", "not-an-email");
        browser.fill("#password", "ab");

        // when they submit
        browser.submitMainForm();

        // then each message is shown under its own field, and what they typed is kept
        assertThat(browser.path()).isEqualTo("/auth/signup");
        assertThat(feedbackUnder("email")).isEqualTo("Email must be valid");
        assertThat(feedbackUnder("password")).isEqualTo("Password must be between 4 and 20 characters");
        assertThat(browser.find("#email").getDomProperty("value")).isEqualTo("not-an-email");
        assertThat(browser.findAll("main .alert-danger")).as("alerts besides the fields' messages").isEmpty();
        browser.screenshot("signup-errors-under-their-fields");

        // and once corrected, they are signed up
        browser.fill("#email", email("seller"));
        browser.fill("#password", Api.PASSWORD);
        browser.submitMainForm();
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.headerLinks()).contains("Sign Out");

        // given a seller who asks nothing for a ticket
        browser.open("/tickets/new");
        browser.fill("#title", "Free lunch " + shortId());
        browser.fill("#price", "0");

        // when they submit, then the price's message is under the price and the title is kept
        browser.submitMainForm();
        assertThat(feedbackUnder("price")).isEqualTo("Price must be greater than 0");
        assertThat(browser.findAll("#title.is-invalid")).isEmpty();
        assertThat(browser.find("#title").getDomProperty("value")).startsWith("Free lunch ");
        assertThat(browser.find("#price").getDomProperty("value")).isEqualTo("0.00");
        browser.screenshot("sell-price-error-under-the-price");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aSignedOutVisitToMyOrdersSignsInFirstAndComesBack() {
        User someone = api.signUp();

        // when a signed-out visitor opens /orders
        browser.open("/orders");

        // then they are asked to sign in, and afterwards land on their orders
        assertThat(browser.path()).isEqualTo("/auth/signin?next=/orders");
        assertThat(browser.text("main h1")).isEqualTo("Sign In");
        browser.screenshot("orders-signed-out-asks-to-sign-in");
        browser.fill("#email", someone.email());
        browser.fill("#password", someone.password());
        browser.submitMainForm();
        assertThat(browser.path()).isEqualTo("/orders");
        assertThat(browser.text("main h1")).isEqualTo("My Orders");
        assertThat(browser.text("main")).contains("No orders yet.");
        browser.screenshot("orders-after-signing-in");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void theSellerIsToldTheTicketIsTheirsAndASecondBuyerThatItIsReserved() {
        String title = "Reserved show " + shortId();
        User seller = api.signUp();
        Ticket ticket = seller.createTicket(title, "40");

        // the seller sees their own ticket without a Purchase button
        browser.signIn(seller.email(), seller.password());
        browser.open("/tickets/" + ticket.id());
        assertThat(browser.text("main .alert-info")).isEqualTo("This is your ticket.");
        assertThat(purchaseButton()).isEmpty();
        browser.screenshot("own-ticket-has-no-purchase-button");
        browser.clickInHeader("Sign Out");

        // given a first buyer holds the ticket
        api.signUp().orderWhenOrderable(ticket.id());
        propagation.ticketReserved(api, ticket.id());

        // when a second buyer opens it
        User second = api.signUp();
        browser.signIn(second.email(), second.password());
        browser.open("/tickets/" + ticket.id());

        // then the page says it is reserved, and offers no Purchase
        assertThat(browser.text("main .alert-warning")).startsWith("This ticket is reserved by an order.");
        assertThat(purchaseButton()).isEmpty();
        assertThat(browser.text("main h1")).isEqualTo(title);
        browser.screenshot("second-buyer-told-ticket-is-reserved");
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void anUnpaidOrderCountsDownToOrderExpired() {
        String title = "Missed gig " + shortId();
        Ticket ticket = api.signUp().createTicket(title, "15");
        User buyer = api.signUp();
        Duration expiration = system.orderExpiration();

        // given a buyer who purchases a ticket and does not pay
        browser.signIn(buyer.email(), buyer.password());
        propagation.ticketKnownToOrders(ticket.id());
        browser.open("/tickets/" + ticket.id());
        browser.clickAndWaitForPage(purchaseButton().orElseThrow(() -> new AssertionError("no Purchase button")));
        assertThat(browser.path()).matches(ORDER_PAGE);
        assertThat(browser.findAll("#pay-form")).hasSize(1);
        browser.screenshot("unpaid-order-counts-down");

        // when its time runs out, then the page says so and the pay form is gone
        browser.await("the countdown to end in Order Expired",
                d -> browser.text("#countdown").equals("Order Expired"), expiration.plusSeconds(5));
        assertThat(browser.findAll("#pay-form")).isEmpty();
        browser.screenshot("countdown-ends-in-order-expired");

        // and the server says the same when the page is loaded again
        browser.await("the order's page to say Order Expired when reloaded", d -> {
            browser.reload();
            return browser.findAll("#countdown").isEmpty() && browser.text("main .alert-secondary").equals("Order Expired");
        }, Duration.ofSeconds(10));
        assertThat(browser.findAll("#pay-form")).isEmpty();
        browser.screenshot("expired-order-page");

        // and the order is cancelled in the buyer's list once the expiration is processed
        browser.open("/orders");
        WebElement cancelled = awaitOrderStatus(title, "cancelled", Duration.ofSeconds(20));
        assertThat(cancelled.findElement(By.cssSelector(".badge.status")).getDomAttribute("class"))
                .contains("text-bg-secondary");
        browser.screenshot("expired-order-cancelled-in-my-orders");
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void theKeyPagesFitAPhoneScreen() {
        String id = shortId();
        User seller = api.signUp();
        Ticket waiting = seller.createTicket("Phone check " + id + ": an open-air festival with a rather long name", "1250");
        Ticket bought = seller.createTicket("Phone check " + id + ": jazz night", "30");
        Ticket onSale = seller.createTicket("Phone check " + id + ": theatre, row 7 seat 12", "12.5");
        User buyer = api.signUp();
        Order paid = buyer.orderWhenOrderable(bought.id());
        buyer.pay(paid.id(), "tok_visa");
        buyer.awaitOrderStatus(paid.id(), "complete");
        List<String> overflowing = new ArrayList<>();

        browser.phone();
        browser.open("/");
        assertThat(browser.viewportWidth()).isEqualTo(Browser.PHONE.getWidth());
        phonePage("phone-home-signed-out", overflowing);
        browser.open("/auth/signup");
        browser.fill("#email", "not-an-email");
        browser.fill("#password", "ab");
        browser.submitMainForm();
        assertThat(feedbackUnder("password")).isEqualTo("Password must be between 4 and 20 characters");
        phonePage("phone-signup-errors", overflowing);

        browser.signIn(buyer.email(), buyer.password());
        Order open = buyer.orderWhenOrderable(waiting.id()); // now: it is open for only a few seconds
        browser.open("/orders/" + open.id());
        assertThat(browser.text("#countdown")).matches("(?s)Time left to pay: \\d+ seconds.*");
        phonePage("phone-order-countdown", overflowing);
        browser.open("/orders");
        assertThat(browser.findAll("tr.order")).hasSize(2);
        phonePage("phone-my-orders", overflowing);
        browser.open("/tickets/" + onSale.id());
        assertThat(purchaseButton()).isPresent();
        phonePage("phone-ticket", overflowing);
        browser.open("/tickets/new");
        browser.fill("#title", "Phone check " + id);
        browser.fill("#price", "0");
        browser.submitMainForm();
        assertThat(feedbackUnder("price")).isEqualTo("Price must be greater than 0");
        phonePage("phone-sell-price-error", overflowing);
        browser.open("/");
        phonePage("phone-home-signed-in", overflowing);

        assertThat(overflowing).as("pages wider than a %d px phone screen", Browser.PHONE.getWidth()).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private static void phonePage(String name, List<String> overflowing) {
        browser.screenshot(name);
        long overflow = browser.overflowPixels();
        if (overflow > 0) {
            overflowing.add(browser.path() + " (" + name + ") by " + overflow + " px");
        }
    }

    /** The countdown's number of seconds; fails at once if the order expired before it was read. */
    private static long secondsLeft() {
        String countdown = browser.text("#countdown");
        if (!COUNTDOWN.matcher(countdown).find()) {
            throw new AssertionError("No countdown on " + browser.path() + " (the order may have expired already): "
                    + browser.text("main"));
        }
        String seconds = browser.text("#seconds-left");
        if (!seconds.matches("\\d+")) {
            throw new AssertionError("The countdown shows '" + seconds + "' seconds: " + browser.text("#countdown"));
        }
        return Long.parseLong(seconds);
    }

    private static Optional<WebElement> purchaseButton() {
        return browser.findAll("main form button[type=submit]").stream()
                .filter(button -> button.getText().trim().equals("Purchase")).findFirst();
    }

    private static Optional<WebElement> ticketRow(String title) {
        return rowWithTitle("tr.ticket", title);
    }

    private static Optional<WebElement> rowWithTitle(String rows, String title) {
        return browser.findAll(rows).stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().trim().equals(title)).findFirst();
    }

    /** The order's row in My Orders once it shows the status, reloading the page while it does not. */
    private static WebElement awaitOrderStatus(String title, String status, Duration within) {
        return browser.await("the order for '" + title + "' to show as " + status + " in My Orders", d -> {
            Optional<WebElement> row = rowWithTitle("tr.order", title);
            if (row.isPresent() && row.get().findElement(By.cssSelector(".badge.status")).getText().equals(status)) {
                return row.get();
            }
            browser.reload();
            return null;
        }, within);
    }

    /**
     * The message shown for a form field: the {@code .invalid-feedback} right after the field, which
     * must be visible and point back to it ({@code aria-describedby}); the field is marked invalid.
     */
    private static String feedbackUnder(String field) {
        WebElement input = browser.find("#" + field);
        assertThat(input.getDomAttribute("class")).as("#%s's classes", field).contains("is-invalid");
        List<WebElement> feedback = input.findElements(
                By.xpath("following-sibling::*[contains(concat(' ', @class, ' '), ' invalid-feedback ')]"));
        assertThat(feedback).as("the message after #%s", field).hasSize(1);
        WebElement message = feedback.get(0);
        assertThat(message.isDisplayed()).as("the message after #%s is visible", field).isTrue();
        assertThat(input.getDomAttribute("aria-describedby")).isEqualTo(message.getDomAttribute("id"));
        return message.getText();
    }

    private static String email(String role) {
        return role + "-" + UUID.randomUUID() + "@e2e.test";
    }

}
