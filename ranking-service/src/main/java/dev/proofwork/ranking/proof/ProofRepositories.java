package dev.proofwork.ranking.proof;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

public final class ProofRepositories {

    private ProofRepositories() {
    }

    @ApplicationScoped
    public static class SigningKeys implements PanacheRepositoryBase<SigningKey, String> {
    }

    @ApplicationScoped
    public static class Proofs implements PanacheRepositoryBase<Proof, UUID> {
    }
}
