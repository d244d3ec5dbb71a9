package dev.proofwork.payout.transfer;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A learner sees their own payables and transfers, never anyone else's. */
@Path("/api/v1/me/payouts")
public class MyPayoutsResource {

    private final LearnerPayouts payouts;
    private final Caller caller;

    MyPayoutsResource(LearnerPayouts payouts, Caller caller) {
        this.payouts = payouts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Caller.LEARNER)
    @Operation(summary = "What the caller earned, what is held and why, and the transfers sent")
    public Uni<MyPayouts> mine() {
        return payouts.of(caller.subject());
    }
}
