package dev.ticketing.payments.payment;

import dev.ticketing.common.session.SessionUser;
import dev.ticketing.common.session.SignedIn;
import dev.ticketing.common.web.ApiException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    static final String REQUIRES_ACTION = "requires_action";

    private final PaymentService service;

    PaymentController(PaymentService service) {
        this.service = service;
    }

    /** 201 when the card was charged; 202 when its bank wants the buyer to confirm first (3-D Secure). */
    @PostMapping
    @SignedIn
    ResponseEntity<Object> pay(SessionUser user, @Valid @RequestBody PaymentRequest request) {
        PaymentAnswer answer = service.pay(user.id(), orderId(request.orderId()), request.token().strip());
        if (answer instanceof PaymentAnswer.RequiresAction action) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RequiresActionResponse(
                    action.id(), REQUIRES_ACTION, action.paymentIntentId(), action.clientSecret()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new PaymentCreatedResponse(((PaymentAnswer.Paid) answer).id()));
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
            @Schema(example = "tok_visa") @NotBlank(message = "Token is required") String token,
            @Schema(example = "9c4d7e21-5a8b-4f3c-b6e0-1d2a3b4c5e6f") @NotBlank(message = "OrderId is required")
            String orderId) {
    }

    record PaymentCreatedResponse(@Schema(example = "7e1d2c3b-4a5f-4b6c-9d8e-0f1a2b3c4d5e") UUID id) {
    }

    record RequiresActionResponse(@Schema(example = "7e1d2c3b-4a5f-4b6c-9d8e-0f1a2b3c4d5e") UUID id,
                                  @Schema(example = REQUIRES_ACTION) String status,
                                  @Schema(example = "pi_3QabcDEFghiJKL") String paymentIntentId,
                                  @Schema(example = "pi_3QabcDEFghiJKL_secret_xyz") String clientSecret) {
    }
}
