package dev.ticketing.client.ticket;

import dev.ticketing.client.ClientProperties;
import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.api.ApiResponse;
import dev.ticketing.client.session.CurrentUser;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.web.FormErrors;
import dev.ticketing.client.web.Money;
import dev.ticketing.client.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** The tickets on sale (home page), selling one, and a ticket's page with its Purchase button. */
@Controller
class TicketsController {

    private static final ParameterizedTypeReference<List<Ticket>> TICKETS = new ParameterizedTypeReference<>() {
    };

    private final ApiClient api;
    private final CurrentUsers users;
    private final int pageSize;

    TicketsController(ApiClient api, CurrentUsers users, ClientProperties properties) {
        this.api = api;
        this.users = users;
        this.pageSize = properties.pageSize();
    }

    /**
     * One page of the tickets on sale, those matching {@code q} when given. {@code cursor} is where the
     * API said the next page starts, taken from its {@code Link} header and handed back to it as is.
     */
    @GetMapping("/")
    ModelAndView index(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor) {
        String search = q == null ? "" : q.strip();
        String after = cursor == null || cursor.isBlank() ? null : cursor;
        StringBuilder uri = new StringBuilder("/api/tickets?limit={limit}");
        List<Object> variables = new ArrayList<>(List.of(pageSize));
        if (!search.isEmpty()) {
            uri.append("&q={q}");
            variables.add(search);
        }
        if (after != null) {
            uri.append("&cursor={cursor}");
            variables.add(after);
        }
        ApiResponse<List<Ticket>> answer = api.getWithHeaders(TICKETS, uri.toString(), variables.toArray());
        ModelAndView view = new ModelAndView("tickets/index");
        view.addObject("tickets", answer.body() == null ? List.of() : answer.body());
        view.addObject("q", search);
        view.addObject("firstPage", after == null);
        view.addObject("olderCursor", answer.nextLink().map(TicketsController::cursorOf).orElse(null));
        return view;
    }

    @GetMapping("/tickets/new")
    ModelAndView newTicket(HttpServletRequest request) {
        users.require(request);
        return TicketForm.SELL.page("", "", FormErrors.none(), HttpStatusCode.valueOf(200));
    }

    @PostMapping("/tickets")
    ModelAndView sell(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String price) {
        try {
            Ticket ticket = api.post(new TicketRequest(title, Money.parse(price)), Ticket.class, "/api/tickets");
            return new ModelAndView(Redirects.to(Ticket.path(ticket.id()) + "?listed"));
        } catch (ApiRefusal e) {
            if (e.isUnauthorized()) {
                return new ModelAndView(Redirects.toSignIn("/tickets/new"));
            }
            return TicketForm.SELL.page(title, Money.asTyped(price), FormErrors.from(e, "title", "price"),
                    HttpStatusCode.valueOf(e.status()));
        }
    }

    @GetMapping("/tickets/{id}")
    ModelAndView show(@PathVariable String id, @RequestParam(required = false) String listed, HttpServletRequest request) {
        ModelAndView view = ticketPage(id, FormErrors.none(), HttpStatusCode.valueOf(200), request);
        view.addObject("listed", listed != null);
        return view;
    }

    @PostMapping("/tickets/{id}/purchase")
    ModelAndView purchase(@PathVariable String id, HttpServletRequest request) {
        try {
            CreatedOrder order = api.post(new NewOrder(id), CreatedOrder.class, "/api/orders");
            return new ModelAndView(Redirects.to(UriComponentsBuilder.fromPath("/orders/{id}").buildAndExpand(order.id())
                    .encode().toUriString()));
        } catch (ApiRefusal e) {
            if (e.isUnauthorized()) {
                return new ModelAndView(Redirects.toSignIn(Ticket.path(id)));
            }
            if (e.isNotFound()) {
                throw e;
            }
            // reserved, or the buyer's own: say so on the ticket's page
            return ticketPage(id, FormErrors.from(e), HttpStatusCode.valueOf(e.status()), request);
        }
    }

    private ModelAndView ticketPage(String id, FormErrors errors, HttpStatusCode status, HttpServletRequest request) {
        Ticket ticket = api.get(Ticket.class, "/api/tickets/{id}", id);
        Optional<CurrentUser> user = users.lookUp(request);
        ModelAndView view = new ModelAndView("tickets/show", status);
        view.addObject("ticket", ticket);
        view.addObject("own", user.map(u -> u.id().equals(ticket.userId())).orElse(false));
        view.addObject("signedIn", user.isPresent());
        view.addObject("errors", errors);
        view.addObject("listed", false);
        return view;
    }

    private static String cursorOf(URI next) {
        return UriComponentsBuilder.fromUri(next).build().getQueryParams().getFirst("cursor");
    }

    record NewOrder(String ticketId) {
    }

    record CreatedOrder(String id) {
    }
}
