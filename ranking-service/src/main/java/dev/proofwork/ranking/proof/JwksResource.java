package dev.proofwork.ranking.proof;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public keys of every proof-signing key, retired ones included, for offline verification. */
@Path("/.well-known/jwks.json")
@PermitAll
public class JwksResource {

    private final ProofService proofs;

    JwksResource(ProofService proofs) {
        this.proofs = proofs;
    }

    @GET
    @Operation(summary = "The public keys that sign proofs (RFC 7517), for checking a proof offline")
    public Uni<ProofService.Jwks> jwks() {
        return proofs.jwks();
    }
}
