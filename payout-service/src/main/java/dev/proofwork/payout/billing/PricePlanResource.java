package dev.proofwork.payout.billing;

import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operators set prices per org and currency ({@code *} for the default); an employer reads its own. */
@Path("/api/v1/price-plans/{orgId}/{currency}")
public class PricePlanResource {

    private final PricePlans plans;
    private final OrgAccess access;
    private final Caller caller;

    PricePlanResource(PricePlans plans, OrgAccess access, Caller caller) {
        this.plans = plans;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    @Operation(summary = "The prices an org pays in a currency: its own plan, else the default")
    public Uni<PricePlan.View> get(@PathParam("orgId") String orgId,
            @PathParam("currency") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
        access.requireOrg(orgId);
        return plans.view(orgId, currency);
    }

    @PUT
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Set an org's prices in a currency (* for the default); funded auditions keep theirs")
    public Uni<PricePlan.View> set(@PathParam("orgId") String orgId,
            @PathParam("currency") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Valid @NotNull PricePlanSpec spec) {
        return plans.set(orgId, currency, spec, caller.subject());
    }
}
