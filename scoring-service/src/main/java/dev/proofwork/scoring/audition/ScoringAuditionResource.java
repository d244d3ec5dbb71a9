package dev.proofwork.scoring.audition;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/api/v1/scoring/auditions")
public class ScoringAuditionResource {

    private final ScoringAuditionRepository auditions;

    ScoringAuditionResource(ScoringAuditionRepository auditions) {
        this.auditions = auditions;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @WithSession
    public Uni<ScoringAudition.View> get(@PathParam("id") UUID id) {
        return auditions.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("audition " + id))
                .map(ScoringAudition::view);
    }
}
