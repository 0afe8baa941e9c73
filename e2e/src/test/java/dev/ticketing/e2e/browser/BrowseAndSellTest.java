package dev.ticketing.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Ticket;
import dev.ticketing.e2e.support.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What goes beyond the original pages, in a real browser through the gateway: finding tickets with
 * the search box and paging to older ones, a seller's My Tickets as their tickets are bought, and
 * the order page when the card's bank must confirm the payment (3-D Secure). Screenshots go to
 * {@code e2e/target/screenshots/BrowseAndSellTest/}.
 */
@EndToEnd
class BrowseAndSellTest extends BrowserTest {

    private static final Pattern ORDER_PAGE = Pattern.compile("/orders/([0-9a-f-]{36})");
    /** The client's page size (its PAGE_SIZE default; the launcher does not set it). */
    private static final int PAGE_SIZE = 20;


    @Test
    void theSearchBoxFindsTicketsByTheirWordsAndOlderTicketsPagesThroughTheRest() {
        // given a page and a bit of tickets whose titles share a word, and one more with an accent
        String word = "w" + shortId();
        User seller = api.signUp();
        seller.createTicket("Opéra " + word + " gala", "80");
        int count = PAGE_SIZE + 3;
        IntStream.range(0, count).forEach(i -> seller.createTicket("Paging " + word + " " + i, "10"));
        seller.createTicket("Something else entirely " + shortId(), "5");

        // when a visitor searches for the word
        browser.open("/");
        browser.fill("#q", word);
        browser.screenshot("search-typed");
        search();

        // then the first page has the newest of them, and a link to older ones
        assertThat(browser.path()).isEqualTo("/?q=" + word);
        assertThat(browser.find("#q").getDomProperty("value")).isEqualTo(word);
        List<String> firstPage = titles();
        assertThat(firstPage).containsExactlyElementsOf(
                IntStream.range(0, PAGE_SIZE).mapToObj(i -> "Paging " + word + " " + (count - 1 - i)).toList());
        assertThat(browser.findAll("a[rel=first]")).isEmpty();
        browser.screenshot("search-first-page");

        // and Older tickets shows the rest, none twice, and no further link
        follow(olderTickets().orElseThrow(() -> new AssertionError("no Older tickets link")));
        assertThat(browser.path()).startsWith("/?q=" + word + "&cursor=");
        assertThat(titles()).containsExactly("Paging " + word + " 2", "Paging " + word + " 1", "Paging " + word + " 0",
                "Opéra " + word + " gala");
        assertThat(olderTickets()).isEmpty();
        browser.screenshot("search-older-tickets");

        // and Newest tickets goes back to the first page of the same search
        follow(browser.find("a[rel=first]"));
        assertThat(browser.path()).isEqualTo("/?q=" + word);
        assertThat(titles()).isEqualTo(firstPage);

        // and the words match whatever their case and accents, every one of them
        browser.fill("#q", "OPERA " + word);
        search();
        assertThat(titles()).containsExactly("Opéra " + word + " gala");
        assertThat(olderTickets()).isEmpty();
        browser.screenshot("search-ignores-case-and-accents");

        browser.fill("#q", "opera nosuchword" + word);
        search();
        assertThat(titles()).isEmpty();
        assertThat(browser.text("main .card")).isEqualTo("No tickets match “opera nosuchword" + word + "”.");
    }

    @Test
    void myTicketsShowsEachListingsStatusAsItIsBoughtAndOffersEditOnlyWhileOnSale() {
        String id = shortId();
        User seller = api.signUp();
        Ticket kept = seller.createTicket("Kept seat " + id, "30");
        Ticket bought = seller.createTicket("Bought seat " + id, "45");

        // given a seller with two tickets on sale
        browser.signIn(seller.email(), seller.password());
        assertThat(browser.headerLinks()).containsExactly("Ticketing", "Sell Tickets", "My Tickets", "My Orders", "Sign Out");
        browser.clickInHeader("My Tickets");
        assertThat(browser.path()).isEqualTo("/tickets/mine");
        assertThat(browser.text("main h1")).isEqualTo("My Tickets");
        assertThat(status(bought.title())).isEqualTo("available");
        assertThat(status(kept.title())).isEqualTo("available");
        assertThat(editLink(bought.title())).isPresent();
        browser.screenshot("my-tickets-on-sale");

        // when they edit one of them
        browser.clickAndWaitForPage(editLink(kept.title()).orElseThrow());
        assertThat(browser.path()).isEqualTo("/tickets/" + kept.id() + "/edit");
        assertThat(browser.find("#title").getDomProperty("value")).isEqualTo(kept.title());
        assertThat(browser.find("#price").getDomProperty("value")).isEqualTo("30.00");
        String renamed = "Kept seat, row 3 " + id;
        browser.fill("#title", renamed);
        browser.fill("#price", "32.5");
        browser.screenshot("edit-ticket");
        browser.submitMainForm();

        // then My Tickets says it is saved, with the new title and price
        assertThat(browser.path()).isEqualTo("/tickets/mine?edited=" + kept.id());
        assertThat(browser.text("main .alert-success")).isEqualTo("Saved: " + renamed + " is on sale at $32.50.");
        assertThat(row(renamed).orElseThrow().findElements(By.tagName("td"))).extracting(WebElement::getText)
                .startsWith(renamed, "$32.50", "available");
        browser.screenshot("my-tickets-after-edit");

        // when a buyer orders the other one, then it shows as reserved, without Edit
        User buyer = api.signUp();
        propagation.ticketKnownToOrders(bought.id());
        Order order = buyer.orderWhenOrderable(bought.id());
        awaitStatus(bought.title(), "reserved");
        assertThat(editLink(bought.title())).isEmpty();
        browser.screenshot("my-tickets-reserved");

        // and once the buyer pays, it shows as sold, while the other one is still on sale
        buyer.payWhenPayable(order.id(), "tok_visa", Duration.ofSeconds(10)).expect(201);
        awaitStatus(bought.title(), "sold");
        assertThat(editLink(bought.title())).isEmpty();
        assertThat(status(renamed)).isEqualTo("available");
        assertThat(editLink(renamed)).isPresent();
        browser.screenshot("my-tickets-sold");
    }

    @Test
    void aCardWhoseBankMustConfirmThePaymentLeavesTheOrderPageSayingSo() {
        String title = "Secure show " + shortId();
        Ticket ticket = api.signUp().createTicket(title, "60");
        User buyer = api.signUp();

        // given a buyer on the page of the order they just placed
        browser.signIn(buyer.email(), buyer.password());
        propagation.ticketKnownToOrders(ticket.id());
        browser.open("/tickets/" + ticket.id());
        browser.clickAndWaitForPage(browser.findAll("main form button[type=submit]").stream()
                .filter(button -> button.getText().trim().equals("Purchase")).findFirst()
                .orElseThrow(() -> new AssertionError("no Purchase button")));
        Matcher orderPage = ORDER_PAGE.matcher(browser.path());
        assertThat(orderPage.matches()).as("the order's page after Purchase, not %s", browser.path()).isTrue();
        String orderId = orderPage.group(1);

        // when they pay with a card whose bank wants 3-D Secure (the simulated gateway answers 202)
        propagation.orderKnownToPayments(orderId);
        browser.fill("#token", "tok_threeDSecure2Required");
        browser.clickAndWaitForPage(browser.find("#pay-form [type=submit]"));

        // then the page says the bank must confirm it, and that the confirmation is pending
        assertThat(browser.path()).isEqualTo("/orders/" + orderId + "/pay");
        assertThat(browser.text("#bank-confirmation")).startsWith("Your card's bank needs you to confirm this payment.")
                .contains("The confirmation is pending");
        assertThat(browser.findAll("#pay-form")).isEmpty();
        assertThat(browser.findAll("main .alert-danger")).isEmpty();
        assertThat(browser.text("main h1")).isEqualTo(title);
        browser.screenshot("bank-must-confirm-the-payment");

        // and nothing is paid until the bank says so
        assertThat(buyer.order(orderId).status()).isNotEqualTo("complete");
    }

    // ------------------------------------------------------------------ helpers

    private static void search() {
        browser.clickAndWaitForPage(browser.find("main form[role=search] [type=submit]"));
    }

    /**
     * Clicks a link below the fold: Bootstrap scrolls smoothly, so the click would land while the page
     * still moves; it is brought into view at once first.
     */
    private static void follow(WebElement link) {
        browser.script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", link);
        browser.clickAndWaitForPage(link);
    }

    private static List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (WebElement row : browser.findAll("tr.ticket")) {
            titles.add(row.findElement(By.tagName("td")).getText().trim());
        }
        return titles;
    }

    private static Optional<WebElement> olderTickets() {
        return browser.first("a[rel=next]").filter(link -> link.getText().trim().equals("Older tickets"));
    }

    private static Optional<WebElement> row(String title) {
        return browser.findAll("tr.listing").stream()
                .filter(row -> row.findElement(By.tagName("td")).getText().trim().equals(title)).findFirst();
    }

    private static String status(String title) {
        return row(title).orElseThrow(() -> new AssertionError("'" + title + "' is not in My Tickets: " + browser.text("main")))
                .findElement(By.cssSelector(".badge.status")).getText();
    }

    private static Optional<WebElement> editLink(String title) {
        return row(title).orElseThrow().findElements(By.tagName("a")).stream()
                .filter(link -> link.getText().trim().equals("Edit")).findFirst();
    }

    /** Reloads My Tickets until the listing shows the status: the tickets service hears of orders by event. */
    private static void awaitStatus(String title, String status) {
        browser.await("'" + title + "' to show as " + status + " in My Tickets", d -> {
            if (row(title).map(r -> r.findElement(By.cssSelector(".badge.status")).getText().equals(status)).orElse(false)) {
                return true;
            }
            browser.reload();
            return null;
        }, Duration.ofSeconds(20));
    }

}
