package dev.ticketing.common.messaging;

import dev.ticketing.common.events.TicketCreated;
import io.micrometer.tracing.Tracer;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A route of the test service that announces a ticket, as a real route would, and answers the trace it ran in. */
@RestController
class TracedTicketsController {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Tracer tracer;

    TracedTicketsController(Outbox outbox, TransactionTemplate transactions, Tracer tracer) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.tracer = tracer;
    }

    @PostMapping("/test/tickets/{id}")
    String create(@PathVariable UUID id) {
        transactions.executeWithoutResult(status -> outbox.publish(
                new TicketCreated(id, 0, "over http", new BigDecimal("10.00"), UUID.randomUUID())));
        return tracer.currentSpan().context().traceId();
    }
}
