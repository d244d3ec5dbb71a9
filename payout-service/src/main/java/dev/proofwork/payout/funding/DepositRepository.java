package dev.proofwork.payout.funding;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DepositRepository implements PanacheRepositoryBase<Deposit, UUID> {

    Uni<Deposit> byKey(String orgId, String idempotencyKey) {
        return find("orgId = ?1 and idempotencyKey = ?2", orgId, idempotencyKey).firstResult();
    }
}
