package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.payments.gateway.Charge;
import dev.ticketing.payments.gateway.ChargeResult;
import dev.ticketing.payments.gateway.IntentState;
import dev.ticketing.payments.gateway.Refund;
import dev.ticketing.payments.gateway.RefundResult;
import dev.ticketing.payments.gateway.SimulatedGateway;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {

    final SimulatedGateway gateway = new SimulatedGateway();
    final UUID order = UUID.randomUUID();

    @Test
    void chargesTokVisaWithAPaymentIntentId() {
        ChargeResult result = gateway.charge(new Charge(order, 1999, "tok_visa"));

        assertThat(result).isInstanceOfSatisfying(ChargeResult.Charged.class,
                c -> assertThat(c.paymentIntentId()).matches("pi_[A-Za-z0-9_]+"));
        assertThat(gateway.charges()).isEqualTo(1);
    }

    @Test
    void refundsAPaymentOnceHoweverOftenItIsAsked() {
        Refund refund = new Refund(order, "pi_sim_1");

        RefundResult first = gateway.refund(refund);
        RefundResult again = gateway.refund(refund);

        assertThat(first).isInstanceOfSatisfying(RefundResult.Refunded.class,
                r -> assertThat(r.refundId()).matches("re_sim_[a-f0-9]+"));
        assertThat(again).isEqualTo(first);
        assertThat(gateway.refunds()).isEqualTo(1);
    }

    @Test
    void declinesTokChargeDeclinedWithStripesMessage() {
        assertThat(gateway.charge(new Charge(order, 1999, "tok_chargeDeclined")))
                .isEqualTo(new ChargeResult.Declined("Your card was declined."));
        assertThat(gateway.charge(new Charge(order, 1999, "pm_card_chargeDeclinedExpiredCard")))
                .isEqualTo(new ChargeResult.Declined("Your card has expired."));
        assertThat(gateway.charges()).isZero();
    }

    @Test
    void answersTheSameChargeTheSameWayAndChargesItOnce() {
        ChargeResult first = gateway.charge(new Charge(order, 1999, "pm_card_visa"));
        ChargeResult again = gateway.charge(new Charge(order, 1999, "pm_card_visa"));

        assertThat(again).isEqualTo(first);
        assertThat(gateway.charges()).isEqualTo(1);
    }

    @Test
    void anotherCardIsAnotherCharge() {
        ChargeResult first = gateway.charge(new Charge(order, 1999, "tok_visa"));
        ChargeResult second = gateway.charge(new Charge(order, 1999, "tok_mastercard"));

        assertThat(second).isNotEqualTo(first);
        assertThat(gateway.charges()).isEqualTo(2);
    }

    @Test
    void aCardThatNeedsConfirmationWaitsUntilItsPaymentIntentIsCancelled() {
        ChargeResult result = gateway.charge(new Charge(order, 1999, "tok_threeDSecure2Required"));

        assertThat(result).isInstanceOf(ChargeResult.RequiresAction.class);
        ChargeResult.RequiresAction action = (ChargeResult.RequiresAction) result;
        assertThat(action.paymentIntentId()).matches("pi_sim_[a-f0-9]+");
        assertThat(action.clientSecret()).matches(action.paymentIntentId() + "_secret_[a-f0-9]+");
        assertThat(gateway.intent(action.paymentIntentId())).isEqualTo(new IntentState.Open(action.paymentIntentId()));
        assertThat(gateway.cancel(action.paymentIntentId())).isEqualTo(new IntentState.Canceled(action.paymentIntentId()));
        assertThat(gateway.charges()).isZero();
    }

    @Test
    void aPaidPaymentIntentCannotBeCancelled() {
        String paid = ((ChargeResult.Charged) gateway.charge(new Charge(order, 1999, "tok_visa"))).paymentIntentId();

        assertThat(gateway.cancel(paid)).isEqualTo(new IntentState.Succeeded(paid));
    }

    @Test
    void declinesWhatIsNotAToken() {
        assertThat(gateway.charge(new Charge(order, 1999, "4242424242424242")))
                .isInstanceOf(ChargeResult.Declined.class);
        assertThat(gateway.charge(new Charge(order, 1999, "tok_"))).isInstanceOf(ChargeResult.Declined.class);
    }

    @Test
    void theIdempotencyKeyIsTheOrderAndTheToken() {
        assertThat(new Charge(order, 1, "tok_visa").idempotencyKey()).isEqualTo(order + ":tok_visa");
    }
}
