package dev.ticketing.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.OrderCreated;
import org.junit.jupiter.api.Test;

class ListenerTest {

    static class OrderCreatedListener extends Listener<OrderCreated> {
        @Override
        public void on(OrderCreated event) {
        }
    }

    /** A base for listeners that leaves the event open: its subclasses name it. */
    abstract static class Relaying<E extends Event> extends Listener<E> {
        @Override
        public void on(E event) {
        }
    }

    static class RelayingOrderCreated extends Relaying<OrderCreated> {
    }

    static class RelayingSomething<E extends Event> extends Relaying<E> {
    }

    @Test
    void aListenerHearsTheEventItNamesAsItsTypeArgument() {
        assertThat(new OrderCreatedListener().type()).isEqualTo(EventType.ORDER_CREATED);
        assertThat(new RelayingOrderCreated().type()).isEqualTo(EventType.ORDER_CREATED);
    }

    @Test
    void aListenerThatNamesNoEventIsRefusedWhenItIsMade() {
        assertThatThrownBy(() -> new RelayingSomething<OrderCreated>())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must name the event it hears");
    }
}
