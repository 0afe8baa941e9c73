package dev.ticketing.tickets.ticket;

import dev.ticketing.common.session.SessionUser;
import dev.ticketing.common.session.SignedIn;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tickets}: anyone browses; a signed-in user sells, and edits what they sell. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    static final int MAX_LIMIT = 500;
    private static final String NON_NEGATIVE_INTEGER = "\\d+";

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    @SignedIn
    @ResponseStatus(HttpStatus.CREATED)
    Ticket create(SessionUser user, @Valid @RequestBody TicketRequest request) {
        return tickets.create(user.id(), request.title(), request.price());
    }

    /**
     * Tickets still for sale, newest first, those whose title has every word of {@code q} when it is
     * given; {@code limit} above the maximum is lowered to it. The body is a plain array, as the
     * original API's clients expect; the next page's URL goes in a {@code Link} header (RFC 8288),
     * with the same search and limit and a cursor, and there is none after the last page.
     */
    @GetMapping
    ResponseEntity<List<Ticket>> forSale(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "100")
            @Pattern(regexp = NON_NEGATIVE_INTEGER, message = "Limit must be a non-negative integer") String limit,
            @RequestParam(defaultValue = "0")
            @Pattern(regexp = NON_NEGATIVE_INTEGER, message = "Offset must be a non-negative integer") String offset,
            @RequestParam(required = false) @ValidCursor String cursor) {
        int pageSize = atMost(limit, MAX_LIMIT);
        TicketPage page = tickets.forSale(new TicketSearch(TicketSearch.wordsOf(q),
                cursor == null ? null : Cursor.of(cursor).orElseThrow(), pageSize, atMost(offset, Long.MAX_VALUE)));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            ok.header(HttpHeaders.LINK, "<" + nextPage(q, pageSize, page.next()) + ">; rel=\"next\"");
        }
        return ok.body(page.tickets());
    }

    private static String nextPage(String q, int limit, Cursor next) {
        String search = q == null || q.isBlank() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&";
        return "/api/tickets?" + search + "limit=" + limit + "&cursor=" + next.token();
    }

    /** The caller's own tickets, newest first, each with its status. */
    @GetMapping("/mine")
    @SignedIn
    List<Listing> mine(SessionUser user) {
        return tickets.ofSeller(user.id());
    }

    @GetMapping("/{id}")
    Ticket show(@PathVariable UUID id) {
        return tickets.find(id);
    }

    @PutMapping("/{id}")
    @SignedIn
    Ticket edit(@PathVariable UUID id, SessionUser user, @Valid @RequestBody TicketRequest request) {
        return tickets.edit(user.id(), id, request.title(), request.price());
    }

    private static int atMost(String digits, int max) {
        return (int) atMost(digits, (long) max);
    }

    private static long atMost(String digits, long max) {
        return new BigInteger(digits).min(BigInteger.valueOf(max)).longValueExact();
    }
}
