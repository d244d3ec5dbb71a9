package dev.proofwork.payout.funding;

import dev.proofwork.payout.OrgAccess;
import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/employers/{orgId}/deposits")
public class DepositResource {

    private static final String KEY_RULE =
            "header required: 8 to 128 letters, digits or . _ : -, unique per deposit (a UUID will do)";

    private final DepositService deposits;
    private final OrgAccess access;
    private final Caller caller;

    DepositResource(DepositService deposits, OrgAccess access, Caller caller) {
        this.deposits = deposits;
        this.access = access;
        this.caller = caller;
    }

    /** 201 for a new deposit, 200 when the Idempotency-Key replays an earlier one. */
    @POST
    @RolesAllowed({ Caller.EMPLOYER, Caller.OPERATOR })
    public Uni<RestResponse<DepositView>> deposit(@PathParam("orgId") String orgId,
            @HeaderParam("Idempotency-Key") @NotNull(message = KEY_RULE) @Pattern(regexp = "[A-Za-z0-9._:-]{8,128}",
                    message = KEY_RULE) String idempotencyKey,
            @Valid @NotNull DepositRequest request) {
        access.requireOrg(orgId);
        return deposits.deposit(orgId, idempotencyKey, request, caller.subject())
                .map(outcome -> outcome.replayed()
                        ? RestResponse.ok(outcome.deposit())
                        : RestResponse.status(RestResponse.Status.CREATED, outcome.deposit()));
    }
}
