package dev.proofwork.scoring.audition;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/api/v1/scoring/auditions")
public class ScoringAuditionResource {

    private final ScoringAuditions auditions;

    ScoringAuditionResource(ScoringAuditions auditions) {
        this.auditions = auditions;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    public Uni<ScoringAudition.View> get(@PathParam("id") UUID id) {
        return auditions.view(id);
    }
}
