package dev.proofwork.payout.ledger;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/ledger")
public class LedgerResource {

    /** {@code balanced} is true when every currency's debits equal its credits. */
    public record TrialBalance(boolean balanced, List<Ledger.CurrencyTotals> currencies) {
    }

    private final Ledger ledger;

    LedgerResource(Ledger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("trial-balance")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Debits and credits per currency; balanced when every currency nets to zero")
    public Uni<TrialBalance> trialBalance() {
        return ledger.trialBalance().map(totals -> new TrialBalance(
                totals.stream().allMatch(currency -> currency.netMinor() == 0), totals));
    }
}
