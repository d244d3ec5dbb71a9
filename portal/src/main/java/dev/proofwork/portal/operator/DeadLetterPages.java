package dev.proofwork.portal.operator;

import dev.proofwork.portal.backend.Backend;
import dev.proofwork.portal.backend.Service;
import dev.proofwork.portal.backend.ServiceUnavailable;
import dev.proofwork.portal.web.Forms;
import dev.proofwork.portal.web.Pages;
import dev.proofwork.portal.web.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * What the services' consumers gave up on, every service on one page, and replay: one record, or every record of a
 * consumer. A service that does not answer is shown as such; the others still are.
 */
@Path("/operator/dead-letters")
@RolesAllowed("operator")
@Produces(MediaType.TEXT_HTML)
public class DeadLetterPages {

    /** One service's section: its newest dead letters, or why they could not be read. */
    public record Section(String service, List<Object> letters, long total, List<String> consumers, String unavailable) {
    }

    private static final int SHOWN = 50;

    private final Backend backend;
    private final Pages pages;
    private final Viewer viewer;
    private final Template deadLetters;

    DeadLetterPages(Backend backend, Pages pages, Viewer viewer,
            @Location("operator/dead-letters.html") Template deadLetters) {
        this.backend = backend;
        this.pages = pages;
        this.viewer = viewer;
        this.deadLetters = deadLetters;
    }

    @GET
    public TemplateInstance list(@QueryParam("replayed") Integer replayed) {
        return pages.render(deadLetters).data("replayed", replayed)
                .data("sections", Arrays.stream(Service.values()).map(this::section).toList());
    }

    @POST
    @Path("{service}/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("service") String service, @PathParam("id") String id,
            @RestForm("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        Service owner = service(service);
        return Forms.postThenRedirect("/operator/dead-letters?replayed=1", () -> backend.post(owner,
                "/api/v1/dead-letters/" + id + "/replay", Map.of()), () -> list(null));
    }

    @POST
    @Path("{service}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replayAll(@PathParam("service") String service, @RestForm("_csrf") String csrf,
            @RestForm String consumer) {
        viewer.requireCsrf(csrf);
        Service owner = service(service);
        String query = URLEncoder.encode(consumer == null ? "" : consumer, StandardCharsets.UTF_8);
        return Forms.postThenRedirect(() -> "/operator/dead-letters?replayed=" + backend.post(owner,
                "/api/v1/dead-letters/replay?consumer=" + query, Map.of()).path("replayed").asInt(),
                () -> list(null));
    }

    private Section section(Service service) {
        String name = service.name().toLowerCase(Locale.ROOT);
        try {
            var page = backend.get(service, "/api/v1/dead-letters?size=" + SHOWN);
            List<Object> letters = pages.list(page.path("items"));
            List<String> waiting = letters.stream().map(letter -> (Map<?, ?>) letter)
                    .filter(letter -> Boolean.TRUE.equals(letter.get("replayable")) && letter.get("replayedAt") == null)
                    .map(letter -> (String) letter.get("consumer")).distinct().sorted().toList();
            return new Section(name, letters, page.path("total").asLong(), waiting, null);
        } catch (ServiceUnavailable down) {
            return new Section(name, List.of(), 0, List.of(), down.getMessage());
        }
    }

    private static Service service(String name) {
        try {
            return Service.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException();
        }
    }
}
