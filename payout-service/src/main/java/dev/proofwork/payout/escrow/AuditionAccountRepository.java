package dev.proofwork.payout.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditionAccountRepository implements PanacheRepositoryBase<AuditionAccount, UUID> {

    /** Closed auditions whose appeal window has passed, oldest first. */
    public Uni<List<UUID>> dueForSettlement(Instant now, int limit) {
        return find("status = ?1 and settleAt <= ?2 order by settleAt", AuditionAccount.Status.CLOSED, now)
                .page(0, limit).list()
                .map(accounts -> accounts.stream().map(AuditionAccount::auditionId).toList());
    }
}
