package dev.ticketing.e2e.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.e2e.support.Api;
import dev.ticketing.e2e.support.EndToEnd;
import dev.ticketing.e2e.support.Instance;
import dev.ticketing.e2e.support.Launcher;
import dev.ticketing.e2e.support.Order;
import dev.ticketing.e2e.support.Response;
import dev.ticketing.e2e.support.RunningSystem;
import dev.ticketing.e2e.support.Service;
import dev.ticketing.e2e.support.Ticket;
import dev.ticketing.e2e.support.User;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system, started with {@code ./ticketing up}, used through the gateway as a seller and
 * a buyer would; last, {@code ./ticketing down} leaves nothing running.
 */
@EndToEnd
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurchaseJourneyTest {

    private final RunningSystem system;
    private final Api api;

    PurchaseJourneyTest(RunningSystem system) {
        this.system = system;
        this.api = system.api();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aBuyerPaysForASellersTicketAndTheOrderCompletes() {
        // given a seller with a ticket on sale
        User seller = api.signUp();
        Ticket ticket = seller.createTicket("Concert " + Instant.now(), "25.50");
        assertThat(ticket.version()).isZero();
        assertThat(ticket.userId()).isEqualTo(seller.id());
        assertThat(api.tickets(500)).extracting(Ticket::id).contains(ticket.id());

        // when a buyer orders it, as soon as the orders service knows it, and pays
        User buyer = api.signUp();
        Order order = buyer.orderWhenOrderable(ticket.id());
        assertThat(order.status()).isEqualTo("created");
        assertThat(order.userId()).isEqualTo(buyer.id());
        assertThat(order.ticket().id()).isEqualTo(ticket.id());
        assertThat(order.ticket().price()).isEqualByComparingTo(new BigDecimal("25.50"));
        assertThat(order.expiresAt()).isAfter(Instant.now());
        String paymentId = buyer.pay(order.id(), "tok_visa");

        // then the order completes and the ticket stays reserved for it, off the list
        assertThat(paymentId).isNotBlank();
        Order complete = buyer.awaitOrderStatus(order.id(), "complete");
        assertThat(complete.version()).isGreaterThan(order.version());
        Ticket sold = User.await(() -> api.ticket(ticket.id()), t -> order.id().equals(t.orderId()),
                Duration.ofSeconds(10), "the ticket to be reserved by the order");
        assertThat(sold.version()).isEqualTo(1);
        assertThat(api.tickets(500)).extracting(Ticket::id).doesNotContain(ticket.id());
        assertThat(buyer.orders()).extracting(Order::id, Order::status).contains(
                org.assertj.core.groups.Tuple.tuple(order.id(), "complete"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void anUnpaidOrderExpiresAndItsTicketIsOnSaleAgain() {
        // given an order nobody pays for
        User seller = api.signUp();
        Ticket ticket = seller.createTicket("Play " + Instant.now(), "40");
        User buyer = api.signUp();
        Order order = buyer.orderWhenOrderable(ticket.id());
        assertThat(Duration.between(Instant.now(), order.expiresAt()))
                .isLessThanOrEqualTo(system.orderExpiration());
        User.await(() -> api.ticket(ticket.id()), Ticket::reserved, Duration.ofSeconds(10),
                "the ticket to be reserved");
        assertThat(api.tickets(500)).extracting(Ticket::id).doesNotContain(ticket.id());

        // when its time is over, then it is cancelled
        Order cancelled = buyer.awaitOrderStatus(order.id(), "cancelled",
                system.orderExpiration().plusSeconds(20));
        assertThat(cancelled.version()).isGreaterThan(order.version());

        // and the ticket is on sale again, for anyone
        Ticket released = User.await(() -> api.ticket(ticket.id()), t -> !t.reserved(), Duration.ofSeconds(10),
                "the ticket to be released");
        assertThat(released.version()).isEqualTo(2);
        assertThat(api.tickets(500)).extracting(Ticket::id).contains(ticket.id());
        Response lateBuyer = buyer.payment(order.id(), "tok_visa");
        assertThat(lateBuyer.status()).isEqualTo(400);
        assertThat(lateBuyer.errorMessages()).first().isIn("Cannot pay for a cancelled order", "Order has expired");
        Order second = api.signUp().orderWhenOrderable(ticket.id());
        assertThat(second.status()).isEqualTo("created");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void theWebUiIsServedThroughTheSameAddress() {
        Response home = api.anonymous().get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(home.header("X-Request-Id")).isNotBlank();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aSecondUpWhileRunningSaysSoAndSucceeds() {
        Map<Instance, Long> before = system.pids();

        Launcher.Result again = system.launcher("up");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running");
        assertThat(system.pids()).isEqualTo(before);
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void statusShowsEveryReplicaOfEveryServiceReady() {
        Launcher.Result status = system.launcher("status");

        assertThat(status.exitCode()).isZero();
        assertThat(system.instances(Service.ORDERS)).hasSize(system.replicas());
        for (Instance instance : system.instances()) {
            assertThat(status.output()).containsPattern("(?m)^" + instance.id() + "\\s+ready\\s+http://127\\.0\\.0\\.1:"
                    + system.port(instance.service(), instance.replica()) + "\\s");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void aTicketSoldWhileTheOrdersServiceWasDownCanBeBoughtOnceItIsBack() {
        // given the orders service crashed, every replica of it
        Map<Instance, Long> crashed = system.pids(Service.ORDERS);
        assertThat(crashed).hasSize(system.replicas());
        system.kill(Service.ORDERS);
        assertThat(crashed.values()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(system.pids(Service.ORDERS)).isEmpty();
        User buyer = api.signUp();
        Response whileDown = buyer.get("/api/orders");
        assertThat(whileDown.status()).isEqualTo(502);
        assertThat(whileDown.errorMessages()).containsExactly("Service unavailable, try again shortly");

        // when a ticket goes on sale meanwhile and the service comes back
        Ticket ticket = api.signUp().createTicket("Opera " + Instant.now(), "99.99");
        system.start(Service.ORDERS);

        // then it has caught up on what it missed, and the purchase goes through
        Order order = buyer.orderWhenOrderable(ticket.id());
        buyer.pay(order.id(), "tok_visa");
        assertThat(buyer.awaitOrderStatus(order.id(), "complete").ticket().id()).isEqualTo(ticket.id());
        assertThat(system.pids(Service.ORDERS)).hasSize(system.replicas())
                .allSatisfy((instance, pid) -> assertThat(pid).isNotEqualTo(crashed.get(instance)));
    }

    @Test
    @org.junit.jupiter.api.Order(100)
    void downStopsEveryProcessUpStarted() {
        Map<Instance, Long> started = system.pids();
        assertThat(started).containsOnlyKeys(system.instances());

        system.down();

        for (Map.Entry<Instance, Long> process : started.entrySet()) {
            assertThat(ProcessHandle.of(process.getValue()).filter(ProcessHandle::isAlive))
                    .as("%s (pid %d) after ./ticketing down", process.getKey(), process.getValue())
                    .isEmpty();
        }
        assertThat(system.pids()).isEmpty();
        assertThat(system.launcher("status").exitCode()).isNotZero();
        assertThat(accepts(system.port(Service.GATEWAY))).as("the gateway's port after down").isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
