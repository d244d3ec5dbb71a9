package dev.proofwork.audition.attempt;

import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1")
@RolesAllowed(Caller.LEARNER)
public class AttemptResource {

    private final AttemptService attempts;
    private final Caller caller;

    AttemptResource(AttemptService attempts, Caller caller) {
        this.attempts = attempts;
        this.caller = caller;
    }

    @GET
    @Path("attempts/{id}")
    @Operation(summary = "One of the caller's attempts, with its deadline and state")
    public Uni<AttemptView> get(@PathParam("id") UUID id) {
        return attempts.find(id, caller.subject()).map(AttemptView::of);
    }

    @GET
    @Path("me/attempts")
    @Operation(summary = "The caller's attempts, newest first")
    public Uni<Page<AttemptView>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return attempts.mine(caller.subject(), page, size).map(found -> found.map(AttemptView::of));
    }
}
