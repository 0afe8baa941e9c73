package dev.ticketing.orders.order;

import dev.ticketing.common.session.SessionUser;
import dev.ticketing.common.session.SignedIn;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/orders}: a signed-in buyer places, sees and cancels their own orders. */
@RestController
@SignedIn
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Order> place(SessionUser user, @Valid @RequestBody NewOrder request) {
        Order order = orders.place(user.id(), request.ticket());
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @GetMapping
    List<Order> mine(SessionUser user) {
        return orders.ofBuyer(user.id());
    }

    @GetMapping("/{id}")
    Order one(SessionUser user, @PathVariable UUID id) {
        return orders.get(user.id(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(SessionUser user, @PathVariable UUID id) {
        orders.cancel(user.id(), id);
    }
}
