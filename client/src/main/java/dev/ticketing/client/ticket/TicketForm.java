package dev.ticketing.client.ticket;

import dev.ticketing.client.web.FormErrors;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** The title-and-price form, for selling a ticket and for editing one: only its heading, target and button differ. */
record TicketForm(String heading, String action, String submit) {

    static final TicketForm SELL = new TicketForm("Sell a Ticket", "/tickets", "Sell");

    static TicketForm edit(String ticketPath) {
        return new TicketForm("Edit Ticket", ticketPath + "/edit", "Save");
    }

    ModelAndView page(String title, String price, FormErrors errors, HttpStatusCode status) {
        ModelAndView view = new ModelAndView("tickets/form", status);
        view.addObject("heading", heading);
        view.addObject("action", action);
        view.addObject("submit", submit);
        view.addObject("title", title);
        view.addObject("price", price);
        view.addObject("errors", errors);
        return view;
    }
}
