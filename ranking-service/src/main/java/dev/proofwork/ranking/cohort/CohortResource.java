package dev.proofwork.ranking.cohort;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/api/v1/cohorts")
public class CohortResource {

    private final CohortRepository cohorts;

    CohortResource(CohortRepository cohorts) {
        this.cohorts = cohorts;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @WithSession
    public Uni<Cohort.View> get(@PathParam("id") UUID id) {
        return cohorts.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("cohort " + id))
                .map(Cohort::view);
    }
}
