package dev.proofwork.ranking.proof;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/me/proofs")
@RolesAllowed(Caller.LEARNER)
public class ProofResource {

    public record MintRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a skill slug")
            String skill) {
    }

    private final ProofService proofs;
    private final Caller caller;

    ProofResource(ProofService proofs, Caller caller) {
        this.proofs = proofs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mint a signed proof of the caller's score in a skill")
    @APIResponse(responseCode = "201", description = "The proof and its share link",
            content = @Content(schema = @Schema(implementation = ProofService.Issued.class)))
    @APIResponse(responseCode = "409", description = "No score in this skill to prove")
    public Uni<RestResponse<ProofService.Issued>> mint(@Valid @NotNull MintRequest request) {
        return proofs.mint(caller.subject(), request.skill())
                .map(issued -> RestResponse.status(RestResponse.Status.CREATED, issued));
    }

    @POST
    @Path("{proofId}/revoke")
    @Operation(summary = "Revoke one of the caller's proofs; verifiers see it revoked")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<RestResponse<Void>> revokeOwn(@PathParam("proofId") UUID proofId) {
        return proofs.revoke(proofId, caller.subject()).map(done -> RestResponse.noContent());
    }
}
