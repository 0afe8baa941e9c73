package dev.ticketing.client.ticket;

import dev.ticketing.client.ClientProperties;
import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiException;
import dev.ticketing.client.session.CurrentUser;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.web.FormErrors;
import dev.ticketing.client.web.Money;
import dev.ticketing.client.web.Redirects;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
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
    private static final int LAST_PAGE = 1_000_000;

    private final ApiClient api;
    private final CurrentUsers users;
    private final int pageSize;

    TicketsController(ApiClient api, CurrentUsers users, ClientProperties properties) {
        this.api = api;
        this.users = users;
        this.pageSize = properties.pageSize();
    }

    @GetMapping("/")
    ModelAndView index(@RequestParam(required = false) String page) {
        int number = pageNumber(page);
        // one more than a page tells whether there is a next page without counting them all
        List<Ticket> tickets = api.get(TICKETS, "/api/tickets?limit={limit}&offset={offset}",
                pageSize + 1, (long) (number - 1) * pageSize);
        ModelAndView view = new ModelAndView("tickets/index");
        view.addObject("tickets", tickets.size() > pageSize ? tickets.subList(0, pageSize) : tickets);
        view.addObject("page", number);
        view.addObject("hasNext", tickets.size() > pageSize && number < LAST_PAGE);
        return view;
    }

    @GetMapping("/tickets/new")
    ModelAndView newTicket(HttpServletRequest request) {
        users.require(request);
        return sellForm("", "", FormErrors.none(), HttpStatusCode.valueOf(200));
    }

    @PostMapping("/tickets")
    ModelAndView sell(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String price) {
        try {
            Ticket ticket = api.post(new NewTicket(title, Money.parse(price)), Ticket.class, "/api/tickets");
            return new ModelAndView(Redirects.to(ticketPath(ticket.id()) + "?listed"));
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                return new ModelAndView(Redirects.toSignIn("/tickets/new"));
            }
            return sellForm(title, Money.asTyped(price), FormErrors.from(e, "title", "price"),
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
        } catch (ApiException e) {
            if (e.isUnauthorized()) {
                return new ModelAndView(Redirects.toSignIn(ticketPath(id)));
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

    private static ModelAndView sellForm(String title, String price, FormErrors errors, HttpStatusCode status) {
        ModelAndView view = new ModelAndView("tickets/new", status);
        view.addObject("title", title);
        view.addObject("price", price);
        view.addObject("errors", errors);
        return view;
    }

    private static String ticketPath(String id) {
        return UriComponentsBuilder.fromPath("/tickets/{id}").buildAndExpand(id).encode().toUriString();
    }

    private static int pageNumber(String page) {
        try {
            int number = page == null ? 1 : Integer.parseInt(page.trim());
            return Math.max(1, Math.min(number, LAST_PAGE));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    record NewTicket(String title, BigDecimal price) {
    }

    record NewOrder(String ticketId) {
    }

    record CreatedOrder(String id) {
    }
}
