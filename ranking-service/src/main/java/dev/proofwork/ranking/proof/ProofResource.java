package dev.proofwork.ranking.proof;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
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
    public Uni<RestResponse<ProofService.Issued>> mint(@Valid @NotNull MintRequest request) {
        return proofs.mint(caller.subject(), request.skill())
                .map(issued -> RestResponse.status(RestResponse.Status.CREATED, issued));
    }

    @POST
    @Path("{proofId}/revoke")
    public Uni<RestResponse<Void>> revokeOwn(@PathParam("proofId") UUID proofId) {
        return proofs.revoke(proofId, caller.subject()).map(done -> RestResponse.noContent());
    }
}
