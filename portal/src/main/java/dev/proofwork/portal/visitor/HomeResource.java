package dev.proofwork.portal.visitor;

import dev.proofwork.portal.web.Pages;
import dev.proofwork.portal.web.Viewer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The front door: visitors see what Proofwork is; a signed-in user is sent to their own area. */
@Path("/")
public class HomeResource {

    private final Viewer viewer;
    private final Pages pages;
    private final Template home;

    HomeResource(Viewer viewer, Pages pages, @Location("home.html") Template home) {
        this.viewer = viewer;
        this.pages = pages;
        this.home = home;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        if (viewer.signedIn() && viewer.homeArea().isPresent()) {
            return Response.seeOther(URI.create("/" + viewer.homeArea().get())).build();
        }
        return Response.ok(pages.render(home).render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Signing in is Keycloak's page; coming back lands in the user's area. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/" + viewer.homeArea().orElse(""))).build();
    }
}
