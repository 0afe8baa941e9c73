package dev.ticketing.tickets.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.common.Ids;
import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.TicketUpdated;
import dev.ticketing.tickets.TicketsServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order A was placed and cancelled, then order B was placed (and maybe paid, or cancelled too);
 * the events reach tickets in any order, some twice. Whatever the order of delivery, the ticket
 * ends held by the one order that is still alive in orders, or by none, and every change of holder
 * was announced once.
 */
class TicketHolderTest extends TicketsServiceTest {

    /** What orders announced, about the older order A or the newer order B. */
    enum Step {
        A_CREATED(true, TicketsServiceTest::orderCreated),
        A_CANCELLED(true, TicketsServiceTest::orderCancelled),
        B_CREATED(false, TicketsServiceTest::orderCreated),
        B_CANCELLED(false, TicketsServiceTest::orderCancelled),
        B_COMPLETED(false, TicketsServiceTest::orderCompleted);

        final boolean aboutA;
        final BiFunction<UUID, UUID, Event> event;

        Step(boolean aboutA, BiFunction<UUID, UUID, Event> event) {
            this.aboutA = aboutA;
            this.event = event;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bHoldsTheTicketInTheEnd")
    void theTicketEndsHeldByTheOrderPlacedAfterTheCancelledOne(List<Step> delivery) {
        Outcome outcome = deliver(delivery);

        assertThat(outcome.holder()).isEqualTo(outcome.b());
        assertThat(get("/api/tickets/" + outcome.ticket()).text("orderId")).isEqualTo(outcome.b().toString());
        assertThat(mine(outcome)).isEqualTo(delivery.contains(Step.B_COMPLETED) ? "sold" : "reserved");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bothCancelled")
    void theTicketEndsForSaleWhenBothOrdersAreCancelled(List<Step> delivery) {
        Outcome outcome = deliver(delivery);

        assertThat(outcome.holder()).isNull();
        assertThat(get("/api/tickets/" + outcome.ticket()).json().has("orderId")).isFalse();
        assertThat(mine(outcome)).isEqualTo("available");
    }

    /** Every order of A created, A cancelled, B created; the same with one of them delivered twice; and with B paid. */
    static Stream<Arguments> bHoldsTheTicketInTheEnd() {
        List<Step> three = List.of(Step.A_CREATED, Step.A_CANCELLED, Step.B_CREATED);
        Stream<List<Step>> once = permutations(three).stream();
        Stream<List<Step>> oneTwice = three.stream()
                .flatMap(twice -> permutations(with(three, twice)).stream())
                .distinct();
        Stream<List<Step>> paid = permutations(with(three, Step.B_COMPLETED)).stream();
        return Stream.of(once, oneTwice, paid).flatMap(s -> s).map(Arguments::of);
    }

    static Stream<Arguments> bothCancelled() {
        return permutations(List.of(Step.A_CREATED, Step.A_CANCELLED, Step.B_CREATED, Step.B_CANCELLED))
                .stream().map(Arguments::of);
    }

    record Outcome(User seller, UUID ticket, UUID b, UUID holder) {
    }

    /** Delivers the steps one at a time, each handled before the next is sent, then checks the announcements. */
    private Outcome deliver(List<Step> delivery) {
        User seller = signedIn();
        UUID ticket = sellOne(seller);
        UUID a = Ids.next();
        UUID b = Ids.next();
        for (Step step : delivery) {
            awaitProcessed(events.publish(step.event.apply(step.aboutA ? a : b, ticket)));
        }
        UUID holder = orderIdOf(ticket);
        long version = version(ticket);
        if (version > 0) {
            List<TicketUpdated> announced = events.await(TicketUpdated.class, e -> e.id().equals(ticket),
                    (int) version, Duration.ofSeconds(10));
            assertThat(announced).extracting(TicketUpdated::version)
                    .containsExactlyElementsOf(Stream.iterate(1L, v -> v + 1).limit(version).toList());
            assertThat(announced.stream().max(Comparator.comparingLong(TicketUpdated::version)).orElseThrow().orderId())
                    .isEqualTo(holder);
        }
        return new Outcome(seller, ticket, b, holder);
    }

    /** The ticket's status as its seller sees it in their listings. */
    private String mine(Outcome outcome) {
        Reply listings = get("/api/tickets/mine", outcome.seller());
        assertThat(listings.json()).hasSize(1);
        return listings.json().get(0).get("status").asString();
    }

    private static List<Step> with(List<Step> steps, Step extra) {
        List<Step> more = new ArrayList<>(steps);
        more.add(extra);
        return more;
    }

    private static List<List<Step>> permutations(List<Step> steps) {
        if (steps.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Step>> all = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Step> rest = new ArrayList<>(steps);
            Step first = rest.remove(i);
            for (List<Step> tail : permutations(rest)) {
                List<Step> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all.stream().distinct().toList();
    }
}
