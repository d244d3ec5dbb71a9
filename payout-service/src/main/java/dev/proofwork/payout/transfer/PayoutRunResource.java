package dev.proofwork.payout.transfer;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators run payouts on demand, besides the schedule: reconcile, batch, send. */
@Path("/api/v1/payout-runs")
public class PayoutRunResource {

    private final PayoutRuns runs;

    PayoutRunResource(PayoutRuns runs) {
        this.runs = runs;
    }

    @POST
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Run payouts now: reconcile, batch settled earnings into transfers, send what is due")
    public Uni<PayoutRuns.Summary> run() {
        return runs.run();
    }
}
