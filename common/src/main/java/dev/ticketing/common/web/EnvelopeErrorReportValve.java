package dev.ticketing.common.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Context;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error page in the envelope. Requests Tomcat refuses before any servlet runs (a
 * malformed request line, an encoded slash, {@code %00} in the path) never reach Spring's error
 * page; without this, the host's valve answers them with an HTML page.
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    EnvelopeErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    /**
     * Puts this valve in place of the host's error report valves (Tomcat's default, and the one
     * Boot adds when stack traces are never shown), and tells the host not to add its default.
     */
    static void install(Context context, JsonMapper json) {
        StandardHost host = (StandardHost) context.getParent();
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new EnvelopeErrorReportValve(json));
        host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiException error = ErrorResponses.forStatus(response.getStatus());
        try {
            response.setStatus(error.status().value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ErrorEnvelope.of(error.getMessage())));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already went out: there is no one left to answer
        }
    }
}
