package dev.ticketing.tickets.ticket;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tickets table. Every change is one conditional UPDATE that bumps the version and returns
 * the row as it now is, or nothing when its condition no longer holds (someone else got there first).
 */
@Repository
class Tickets {

    private static final String COLUMNS = "id, title, price, user_id, version, order_id";

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Ticket insert(Ticket ticket) {
        jdbc.sql("INSERT INTO tickets (id, title, price, user_id, version) VALUES (?, ?, ?, ?, ?)")
                .params(ticket.id(), ticket.title(), ticket.price(), ticket.userId(), ticket.version())
                .update();
        return ticket;
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")
                .param(id)
                .query(Ticket.class)
                .optional();
    }

    /**
     * A page of the tickets nobody has reserved, newest first. One row more than the page is read
     * to tell whether another page follows. The keyset condition and the title's words are served by
     * the indexes {@code tickets_for_sale} and {@code tickets_for_sale_by_title}.
     */
    TicketPage forSale(TicketSearch search) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", created_at FROM tickets WHERE order_id IS NULL");
        List<Object> params = new ArrayList<>();
        if (search.after() != null) {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(OffsetDateTime.ofInstant(search.after().createdAt(), ZoneOffset.UTC));
            params.add(search.after().id());
        }
        for (String word : search.words()) {
            sql.append(" AND search_title LIKE '%' || searchable(?) || '%'");
            params.add(literally(word));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(search.limit() + 1);
        params.add(search.offset());
        // Planned for these very words each time: a plan made once for any words (what PostgreSQL
        // switches a prepared statement to after five runs) guesses how many titles match, and a
        // common word then reads thousands of rows through the title index where a walk down the
        // newest-first index stops after a hundred; bench/search-at-scale measured 250 ms against 10.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        List<Listed> rows = jdbc.sql(sql.toString()).params(params).query(Tickets::listed).list();
        if (rows.size() <= search.limit() || search.limit() == 0) {
            return new TicketPage(rows.stream().limit(search.limit()).map(Listed::ticket).toList(), null);
        }
        List<Listed> page = rows.subList(0, search.limit());
        return new TicketPage(page.stream().map(Listed::ticket).toList(), page.get(page.size() - 1).position());
    }

    /** A ticket of the list and its place in the list's order. */
    private record Listed(Ticket ticket, Cursor position) {
    }

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Ticket ticket = new Ticket(id, rs.getString("title"), rs.getBigDecimal("price"),
                rs.getObject("user_id", UUID.class), rs.getLong("version"), rs.getObject("order_id", UUID.class));
        return new Listed(ticket, new Cursor(rs.getObject("created_at", OffsetDateTime.class).toInstant(), id));
    }

    /** The word as a LIKE pattern that matches it literally: its % and _ are not wildcards. */
    private static String literally(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A seller's tickets, newest first, each with where its sale stands. */
    List<Listing> ofSeller(UUID seller) {
        return jdbc.sql("""
                        SELECT t.id, t.title, t.price, t.user_id, t.version, t.order_id,
                               CASE WHEN t.order_id IS NULL THEN 'AVAILABLE'
                                    WHEN o.status = 'complete' THEN 'SOLD'
                                    ELSE 'RESERVED' END AS status
                        FROM tickets t LEFT JOIN ticket_orders o ON o.order_id = t.order_id
                        WHERE t.user_id = ?
                        ORDER BY t.created_at DESC, t.id DESC""")
                .param(seller)
                .query(Listing.class)
                .list();
    }

    /** The ticket, locked until the transaction ends, so that changes of its holder take turns. */
    Optional<Ticket> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ? FOR UPDATE")
                .param(id)
                .query(Ticket.class)
                .optional();
    }

    /** Changes title and price, if the ticket is still at {@code version} and not reserved. */
    Optional<Ticket> edit(UUID id, long version, String title, BigDecimal price) {
        return jdbc.sql("UPDATE tickets SET title = ?, price = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND order_id IS NULL RETURNING " + COLUMNS)
                .params(title, price, id, version)
                .query(Ticket.class)
                .optional();
    }

    /** Hands the ticket to {@code orderId}, or to nobody when it is null (for sale again). */
    Ticket hold(UUID id, UUID orderId) {
        return jdbc.sql("UPDATE tickets SET order_id = ?, version = version + 1 WHERE id = ? RETURNING " + COLUMNS)
                .params(orderId, id)
                .query(Ticket.class)
                .single();
    }
}
