package dev.proofwork.runtime.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request has a correlation id: the caller's {@value #HEADER} when it sends a sane one, else a new one. It
 * is in the log context (so JSON log lines carry it), in every problem body and in the response's header.
 */
public class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    static final String KEY = "correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        request.setProperty(KEY, id);
        MDC.put(KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The current request's id; a new one outside a request. */
    static String current() {
        Object id = MDC.get(KEY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
