package dev.ticketing.gateway;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.core.Ordered;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own refusals (an encoded slash or {@code %00} in the path, a malformed request line)
 * happen before any servlet runs; without this valve the public port would answer them with
 * Tomcat's HTML page instead of the error envelope.
 */
class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Envelopes.json(Envelopes.messageFor(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the caller is gone or the answer already went out: there is no one left to tell
        }
    }

    /** Puts the valve in place of the host's error report valves. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public int getOrder() {
            // after Boot's own customizer, which adds an error report valve of its own
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Pipeline pipeline = host.getPipeline();
                for (Valve valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                pipeline.addValve(new EnvelopeErrorReportValve());
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            });
        }
    }
}
