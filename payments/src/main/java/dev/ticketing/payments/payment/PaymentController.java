package dev.ticketing.payments.payment;

import dev.ticketing.common.session.SessionUser;
import dev.ticketing.common.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentService service;

    PaymentController(PaymentService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PaymentCreatedResponse pay(SessionUser user, @Valid @RequestBody PaymentRequest request) {
        return new PaymentCreatedResponse(service.pay(user.id(), orderId(request.orderId()), request.token().strip()));
    }

    /** An order id that is not a UUID names no order. */
    private static UUID orderId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }

    record PaymentRequest(
            @NotBlank(message = "Token is required") String token,
            @NotBlank(message = "OrderId is required") String orderId) {
    }

    record PaymentCreatedResponse(UUID id) {
    }
}
