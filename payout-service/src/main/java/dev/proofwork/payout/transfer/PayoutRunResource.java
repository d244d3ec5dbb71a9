package dev.proofwork.payout.transfer;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Operators run payouts on demand, besides the schedule: reconcile, batch, send. */
@Path("/api/v1/payout-runs")
public class PayoutRunResource {

    private final PayoutRuns runs;

    PayoutRunResource(PayoutRuns runs) {
        this.runs = runs;
    }

    @POST
    @RolesAllowed(Caller.OPERATOR)
    public Uni<PayoutRuns.Summary> run() {
        return runs.run();
    }
}
