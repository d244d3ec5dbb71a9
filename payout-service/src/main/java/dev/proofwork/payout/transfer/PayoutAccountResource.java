package dev.proofwork.payout.transfer;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A learner's own payout account. */
@Path("/api/v1/me/payout-account")
public class PayoutAccountResource {

    private final LearnerPayouts payouts;
    private final Caller caller;

    PayoutAccountResource(LearnerPayouts payouts, Caller caller) {
        this.payouts = payouts;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "Add or change the caller's payout account; a change waits out a safety hold")
    public Uni<PayoutAccount.View> put(@Valid @NotNull PayoutAccountRequest request) {
        return payouts.setAccount(caller.subject(), request.accountReference());
    }

    @GET
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "The caller's payout account")
    public Uni<PayoutAccount.View> get() {
        return payouts.account(caller.subject());
    }
}
