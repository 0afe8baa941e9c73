package dev.ticketing.client.ticket;

import dev.ticketing.client.api.ApiClient;
import dev.ticketing.client.api.ApiRefusal;
import dev.ticketing.client.session.CurrentUser;
import dev.ticketing.client.session.CurrentUsers;
import dev.ticketing.client.web.FormErrors;
import dev.ticketing.client.web.Money;
import dev.ticketing.client.web.Redirects;
import dev.ticketing.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** The seller's side: their listings and how each sale stands, and editing a listing still on sale. */
@Controller
class MyTicketsController {

    private static final ParameterizedTypeReference<List<Listing>> LISTINGS = new ParameterizedTypeReference<>() {
    };
    private static final String[] FIELDS = {"title", "price"};

    private final ApiClient api;
    private final CurrentUsers users;

    MyTicketsController(ApiClient api, CurrentUsers users) {
        this.api = api;
        this.users = users;
    }

    @GetMapping("/tickets/mine")
    ModelAndView mine(@RequestParam(required = false) String edited, HttpServletRequest request) {
        users.require(request);
        List<Listing> listings = api.get(LISTINGS, "/api/tickets/mine");
        ModelAndView view = new ModelAndView("tickets/mine");
        view.addObject("listings", listings);
        view.addObject("editedListing", listings.stream().filter(l -> l.id().equals(edited)).findFirst().orElse(null));
        return view;
    }

    @GetMapping("/tickets/{id}/edit")
    ModelAndView editForm(@PathVariable String id, HttpServletRequest request) {
        CurrentUser seller = users.require(request);
        Ticket ticket = api.get(Ticket.class, "/api/tickets/{id}", id);
        if (!seller.id().equals(ticket.userId())) {
            // what PUT /api/tickets/{id} would answer: only the seller edits a ticket
            throw new ApiRefusal(401, List.of(ApiError.of("Not authorized")));
        }
        return TicketForm.edit(Ticket.path(ticket.id()))
                .page(ticket.title(), Money.asTyped(ticket.price().toPlainString()), FormErrors.none(),
                        HttpStatusCode.valueOf(200));
    }

    @PostMapping("/tickets/{id}/edit")
    ModelAndView edit(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String price, HttpServletRequest request) {
        String ticketPath = Ticket.path(id);
        try {
            api.put(new TicketRequest(title, Money.parse(price)), Ticket.class, "/api/tickets/{id}", id);
            return new ModelAndView(Redirects.to(UriComponentsBuilder.fromPath("/tickets/mine").queryParam("edited", "{id}")
                    .encode().buildAndExpand(id).toUriString()));
        } catch (ApiRefusal e) {
            if (e.isUnauthorized() && users.lookUpQuietly(request).isEmpty()) {
                return new ModelAndView(Redirects.toSignIn(ticketPath + "/edit"));
            }
            if (e.isUnauthorized() || e.isNotFound()) {
                throw e;
            }
            // invalid fields, reserved meanwhile, or changed by a concurrent edit: say so on the form
            return TicketForm.edit(ticketPath).page(title, Money.asTyped(price), FormErrors.from(e, FIELDS),
                    HttpStatusCode.valueOf(e.status()));
        }
    }
}
