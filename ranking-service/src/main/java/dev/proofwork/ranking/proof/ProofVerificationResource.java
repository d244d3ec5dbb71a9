package dev.proofwork.ranking.proof;

import dev.proofwork.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public verification of proofs, and the rotation of the keys that sign them. */
@Path("/api/v1/proofs")
public class ProofVerificationResource {

    public record VerifyRequest(@NotBlank @Size(max = 20_000) String credential) {
    }

    private final ProofService proofs;

    ProofVerificationResource(ProofService proofs) {
        this.proofs = proofs;
    }

    /** Anyone holding a proof may check it here; offline, the JWKS alone checks the signature. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("verify")
    @PermitAll
    @Operation(summary = "Check a proof: signature, revocation and how much its score has decayed")
    public Uni<ProofService.Verification> verify(@Valid @NotNull VerifyRequest request) {
        return proofs.verify(request.credential());
    }

    @POST
    @Path("keys/rotate")
    @RolesAllowed(Caller.OPERATOR)
    @Operation(summary = "Start signing with a new key; older keys stay published until their proofs lapse")
    public Uni<SigningKeyView> rotate() {
        return proofs.rotate().map(SigningKeyView::new);
    }

    /** The key that signs new proofs from now on; older keys stay published until their proofs lapse. */
    public record SigningKeyView(String kid) {
    }
}
