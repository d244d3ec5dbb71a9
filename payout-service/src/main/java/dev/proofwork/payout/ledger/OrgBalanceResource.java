package dev.proofwork.payout.ledger;

import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/employers/{orgId}/balance")
public class OrgBalanceResource {

    public record Balances(String orgId, List<Ledger.OrgBalance> currencies) {
    }

    private final Ledger ledger;
    private final OrgAccess access;

    OrgBalanceResource(Ledger ledger, OrgAccess access) {
        this.ledger = ledger;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "An org's money per currency: available, held in escrow, owed")
    public Uni<Balances> get(@PathParam("orgId") String orgId) {
        access.requireOrg(orgId);
        return ledger.orgBalances(orgId).map(currencies -> new Balances(orgId, currencies));
    }
}
