package dev.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeder files the Gatling simulations read: one row per order, numbered, with a buyer and a ticket. */
class FeedersTest {

    @TempDir
    Path dir;

    @Test
    void eachTicketGetsOneOrderWhenThereAreAsManyRowsAsTickets() throws Exception {
        Path file = Feeders.write(dir.resolve("sub/p1.csv"), List.of("tokenA", "tokenB"), List.of("t1", "t2", "t3"), 3);

        assertThat(Files.readAllLines(file)).containsExactly("seq,token,ticketId", "0,tokenA,t1", "1,tokenB,t2",
                "2,tokenA,t3");
    }

    @Test
    void moreRowsThanTicketsMakeBuyersCompeteForThem() throws Exception {
        Path file = Feeders.write(dir.resolve("p2.csv"), List.of("a", "b", "c", "d", "e"), List.of("t1", "t2"), 5);

        assertThat(Files.readAllLines(file)).containsExactly("seq,token,ticketId", "0,a,t1", "1,b,t2", "2,c,t1",
                "3,d,t2", "4,e,t1");
    }

    @Test
    void buyersAreSignedSessionTokensOfDistinctUsers() {
        List<String> buyers = Feeders.buyers(new Tokens("a-key-of-at-least-thirty-two-bytes!"), 3);

        assertThat(buyers).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token.split("\\.")).hasSize(3));
    }

    @Test
    void refusesValuesThatWouldNeedQuotingAndEmptyLists() {
        assertThatThrownBy(() -> Feeders.write(dir.resolve("x.csv"), List.of("a,b"), List.of("t"), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Feeders.write(dir.resolve("x.csv"), List.of(), List.of("t"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
