package dev.proofwork.ranking.cohort;

import dev.proofwork.ranking.facets.RankingQueries;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/api/v1/cohorts")
public class CohortResource {

    private final RankingQueries queries;

    CohortResource(RankingQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    public Uni<Cohort.View> get(@PathParam("id") UUID id) {
        return queries.cohortView(id);
    }
}
