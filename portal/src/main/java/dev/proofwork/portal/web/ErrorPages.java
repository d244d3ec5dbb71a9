package dev.proofwork.portal.web;

import dev.proofwork.portal.backend.ServiceProblem;
import dev.proofwork.portal.backend.ServiceUnavailable;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure is a page in plain words with a way back, never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;
    private final Pages pages;

    ErrorPages(@Location("error.html") Template error, Pages pages) {
        this.error = error;
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, "Not your area", "Your account's role does not open this page. Use the menu to go where you work.");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Not found", "There is no page here.");
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("service unavailable: %s", e.getMessage());
        return page(503, "Part of Proofwork is not answering",
                "The " + e.service().name().toLowerCase() + " service did not answer just now. Your data is safe; try again in a moment.");
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem e) {
        int status = e.status() == 401 ? 403 : e.status();
        return page(status, e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response expired(Viewer.FormExpired e) {
        return page(403, "Form expired", e.getMessage());
    }

    /**
     * What the request itself gets wrong, as the framework found it (a method or body the page does not take, an
     * answer it cannot give): that status, in words, not the 500 of the catch-all below.
     */
    @ServerExceptionMapper
    public Response request(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 405 -> page(status, "Not done this way", "This page does not take that kind of request. "
                    + "Use its links and buttons.");
            case 406 -> page(status, "Only web pages here", "The portal answers with web pages; "
                    + "Proofwork's services answer in JSON on their own API.");
            case 415 -> page(status, "Not a form", "This page takes a form as a browser sends it.");
            default -> status < 500 ? page(status, "Not understood", "The request could not be read as it was sent.")
                    : unexpected(e);
        };
    }

    /** Anything else: a plain page with a reference the log line repeats, never a stack trace. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String reference = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "page failed [correlationId=%s]", reference);
        return page(500, "Something went wrong on our side",
                "The page could not be shown. If it keeps happening, quote this reference: " + reference);
    }

    private Response page(int status, String title, String detail) {
        String html = pages.render(error).data("status", status).data("title", title).data("detail", detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
