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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Pay money in through the payment provider, once per Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Collected and credited",
            content = @Content(schema = @Schema(implementation = DepositView.class)))
    @APIResponse(responseCode = "200", description = "The Idempotency-Key replays an earlier deposit; nothing new was collected")
    @APIResponse(responseCode = "402", description = "The payment provider declined; nothing was credited")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different deposit")
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
