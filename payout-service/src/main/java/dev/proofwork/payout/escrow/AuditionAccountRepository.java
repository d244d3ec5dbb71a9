package dev.proofwork.payout.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AuditionAccountRepository implements PanacheRepositoryBase<AuditionAccount, UUID> {
}
