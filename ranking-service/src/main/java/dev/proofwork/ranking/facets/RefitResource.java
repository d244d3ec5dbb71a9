package dev.proofwork.ranking.facets;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/skills/{skill}/refit")
@RolesAllowed(Caller.OPERATOR)
public class RefitResource {

    private final Refit refit;

    RefitResource(Refit refit) {
        this.refit = refit;
    }

    /** Replaces the skill's online estimates with a batch refit over all its reviews. */
    @POST
    @Operation(summary = "Refit the skill's model over all its reviews, replacing the online estimates")
    public Uni<Refit.Summary> refit(
            @PathParam("skill") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug") String skill) {
        return refit.skill(skill);
    }
}
