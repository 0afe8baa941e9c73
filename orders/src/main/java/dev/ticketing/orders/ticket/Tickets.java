package dev.ticketing.orders.ticket;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket replica, written only from the tickets service's events. */
@Repository
public class Tickets {

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT id, title, price, user_id, version FROM tickets WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Ticket(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getBigDecimal("price"), rs.getObject("user_id", UUID.class), rs.getLong("version")))
                .optional();
    }

    /** Adds a ticket; false if it was already there (a repeated event). */
    public boolean insertIfAbsent(Ticket ticket) {
        return jdbc.sql("""
                        INSERT INTO tickets (id, title, price, user_id, version)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(ticket.id(), ticket.title(), ticket.price(), ticket.userId(), ticket.version())
                .update() == 1;
    }

    /**
     * The replica's version of the ticket (empty when the ticket is not in it), locked until the
     * transaction ends so that nothing changes the ticket between a version check and its update.
     */
    public Optional<Long> lockVersion(UUID id) {
        return jdbc.sql("SELECT version FROM tickets WHERE id = ? FOR NO KEY UPDATE").param(id).query(Long.class).optional();
    }

    public void update(UUID id, long version, String title, BigDecimal price) {
        jdbc.sql("UPDATE tickets SET title = ?, price = ?, version = ? WHERE id = ?")
                .params(title, price, version, id)
                .update();
    }
}
