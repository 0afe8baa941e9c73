package dev.ticketing.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service that is down, refuses the connection or does not answer in time is answered with the
 * SPEC error envelope (502, or 504 for a timeout) and one log line, never a stack trace.
 */
@Component
class UpstreamFailures implements HandlerExceptionResolver, Ordered {

    private final Upstreams upstreams;

    UpstreamFailures(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String target = request.getMethod() + " " + request.getRequestURI();
        if (response.isCommitted()) {
            // the service answered and the caller went away, or the service broke off mid-answer
            log.info("{}: answer interrupted ({})", target, rootMessage(ex));
            return new ModelAndView();
        }
        HttpStatus status;
        String message;
        if (isTimeout(ex)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            message = Envelopes.UNAVAILABLE;
            log.warn("{}: service did not answer in time ({})", target, rootMessage(ex));
        } else if (isUpstreamIo(ex)) {
            // refused, reset or broken off before any answer (a timeout went above): the replica is
            // down or restarting, and the others take its share for a while
            if (request.getAttribute(MvcUtils.GATEWAY_REQUEST_URL_ATTR) instanceof URI replica) {
                upstreams.refused(replica);
            }
            status = HttpStatus.BAD_GATEWAY;
            message = Envelopes.UNAVAILABLE;
            log.warn("{}: service unavailable ({})", target, rootMessage(ex));
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            message = Envelopes.UNEXPECTED;
            log.error("{}: unexpected failure in the gateway", target, ex);
        }
        try {
            Envelopes.write(response, status.value(), message);
        } catch (IOException | IllegalStateException writeFailed) {
            log.info("{}: could not write the error answer ({})", target, writeFailed.getMessage());
        }
        return new ModelAndView();
    }

    private static boolean isUpstreamIo(Throwable ex) {
        return ex instanceof ResourceAccessException || ex instanceof UncheckedIOException
                || causes(ex, IOException.class);
    }

    private static boolean isTimeout(Throwable ex) {
        return !causes(ex, ConnectException.class) && !causes(ex, ConnectTimeoutException.class)
                && causes(ex, SocketTimeoutException.class);
    }

    private static boolean causes(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
