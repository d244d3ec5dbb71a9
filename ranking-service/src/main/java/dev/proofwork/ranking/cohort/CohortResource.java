package dev.proofwork.ranking.cohort;

import dev.proofwork.ranking.facets.RankingQueries;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/cohorts")
public class CohortResource {

    private final RankingQueries queries;

    CohortResource(RankingQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "A cohort: whose audition it is and in which skill")
    public Uni<Cohort.View> get(@PathParam("id") UUID id) {
        return queries.cohortView(id);
    }
}
