package dev.proofwork.payout.escrow;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audition-accounts")
public class AuditionAccountResource {

    private final EscrowService escrow;

    AuditionAccountResource(EscrowService escrow) {
        this.escrow = escrow;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "An audition's escrow: what was reserved, spent and released")
    public Uni<AuditionAccount.View> get(@PathParam("id") UUID id) {
        return escrow.account(id);
    }
}
