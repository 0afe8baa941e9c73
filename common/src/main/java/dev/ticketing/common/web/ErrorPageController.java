package dev.ticketing.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The container's error page in the envelope, replacing Boot's default JSON for errors raised outside Spring MVC. */
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ApiException error = ErrorResponses.forStatus(code instanceof Integer status ? status : 500);
        return ResponseEntity.status(error.status()).body(ErrorEnvelope.of(error.getMessage()));
    }
}
