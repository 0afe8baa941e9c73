package dev.ticketing.client.order;

import dev.ticketing.client.ClientProperties;
import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.api.ApiUnavailableException;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.web.FormErrors;
import dev.ticketing.client.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** The buyer's orders, one order's countdown and pay form, and paying. */
@Controller
class OrdersController {

    private static final Logger log = LoggerFactory.getLogger(OrdersController.class);
    private static final ParameterizedTypeReference<List<Order>> ORDERS = new ParameterizedTypeReference<>() {
    };
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Duration SETTLE_POLL = Duration.ofMillis(150);

    private final ApiClient api;
    private final CurrentUsers users;
    private final ClientProperties properties;
    private final Clock clock;

    OrdersController(ApiClient api, CurrentUsers users, ClientProperties properties) {
        this.api = api;
        this.users = users;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/orders")
    ModelAndView index(@RequestParam(required = false) String paid, HttpServletRequest request) {
        users.require(request);
        List<Order> orders = new ArrayList<>(api.get(ORDERS, "/api/orders"));
        Collections.reverse(orders); // the API lists oldest first; a buyer looks for the latest
        ModelAndView view = new ModelAndView("orders/index");
        view.addObject("orders", orders);
        view.addObject("paidOrder", orders.stream().filter(order -> order.id().equals(paid)).findFirst().orElse(null));
        return view;
    }

    @GetMapping("/orders/{id}")
    ModelAndView show(@PathVariable String id, HttpServletRequest request) {
        users.require(request);
        return orderPage(id, FormErrors.none(), HttpStatusCode.valueOf(200));
    }

    @PostMapping("/orders/{id}/pay")
    ModelAndView pay(@PathVariable String id, @RequestParam(defaultValue = "") String token) {
        CreatedPayment payment;
        try {
            payment = api.post(new NewPayment(token, id), CreatedPayment.class, "/api/payments");
        } catch (ApiRefusal e) {
            if (e.isUnauthorized()) {
                return new ModelAndView(Redirects.toSignIn(orderPath(id)));
            }
            if (e.isNotFound()) {
                throw e;
            }
            // declined, expired, already paid...: say so next to the pay form
            return orderPage(id, FormErrors.from(e, "token"), HttpStatusCode.valueOf(e.status()));
        }
        if (payment != null && payment.requiresAction()) {
            // 202: nothing is charged until the buyer passes their bank's check (3-D Secure)
            ModelAndView view = orderPage(id, FormErrors.none(), HttpStatusCode.valueOf(200));
            view.addObject("clientSecret", payment.clientSecret());
            return view;
        }
        awaitComplete(id);
        return new ModelAndView(Redirects.to(paidPath(id)));
    }

    private ModelAndView orderPage(String id, FormErrors errors, HttpStatusCode status) {
        Order order = api.get(Order.class, "/api/orders/{id}", id);
        long secondsLeft = order.secondsLeft(clock.instant());
        ModelAndView view = new ModelAndView("orders/show", status);
        view.addObject("order", order);
        view.addObject("secondsLeft", secondsLeft);
        view.addObject("payable", order.open() && secondsLeft > 0);
        view.addObject("expired", !order.complete() && secondsLeft == 0);
        view.addObject("deadline", order.expiresAt() == null ? "" : DEADLINE.format(order.expiresAt()));
        view.addObject("stripeKey", properties.stripe().enabled() ? properties.stripe().publishableKey() : null);
        view.addObject("errors", errors);
        view.addObject("clientSecret", null);
        view.addObject("paidPath", paidPath(id));
        return view;
    }

    /**
     * The payment is taken; the order turns complete once the orders service has heard of it, a moment
     * later. Waiting briefly here means the list the buyer lands on already says so.
     */
    private void awaitComplete(String id) {
        Instant giveUp = clock.instant().plus(properties.paymentSettleTimeout());
        try {
            while (!api.get(Order.class, "/api/orders/{id}", id).complete()) {
                if (clock.instant().isAfter(giveUp)) {
                    log.info("order {} paid but not complete yet after {}", id, properties.paymentSettleTimeout());
                    return;
                }
                Thread.sleep(SETTLE_POLL.toMillis());
            }
        } catch (ApiRefusal | ApiUnavailableException e) {
            log.info("order {} paid; could not check its completion: {}", id, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String paidPath(String id) {
        return UriComponentsBuilder.fromPath("/orders").queryParam("paid", "{id}").encode().buildAndExpand(id).toUriString();
    }

    private static String orderPath(String id) {
        return UriComponentsBuilder.fromPath("/orders/{id}").buildAndExpand(id).encode().toUriString();
    }

    record NewPayment(String token, String orderId) {
    }

    /** 201 {@code {id}}; or 202 with {@code status} {@code requires_action} and what Stripe.js needs to take the buyer through their bank's check. */
    record CreatedPayment(String id, String status, String clientSecret) {

        static final String REQUIRES_ACTION = "requires_action";

        boolean requiresAction() {
            return REQUIRES_ACTION.equals(status);
        }
    }
}
