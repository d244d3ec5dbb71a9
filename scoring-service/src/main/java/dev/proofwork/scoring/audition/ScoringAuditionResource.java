package dev.proofwork.scoring.audition;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/scoring/auditions")
public class ScoringAuditionResource {

    private final ScoringAuditions auditions;

    ScoringAuditionResource(ScoringAuditions auditions) {
        this.auditions = auditions;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "An audition as scoring knows it: rubric, tolerance and pass mark")
    public Uni<ScoringAudition.View> get(@PathParam("id") UUID id) {
        return auditions.view(id);
    }
}
