package dev.proofwork.payout.escrow;

import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

@Path("/api/v1/audition-accounts")
public class AuditionAccountResource {

    private final AuditionAccountRepository accounts;

    AuditionAccountResource(AuditionAccountRepository accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @WithSession
    public Uni<AuditionAccount.View> get(@PathParam("id") UUID id) {
        return accounts.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("audition account " + id))
                .map(AuditionAccount::view);
    }
}
