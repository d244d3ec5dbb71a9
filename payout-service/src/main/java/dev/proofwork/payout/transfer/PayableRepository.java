package dev.proofwork.payout.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PayableRepository implements PanacheRepositoryBase<Payable, UUID> {

    /** A learner's open payables in one currency and the account a transfer of them goes to. */
    record ReadyGroup(String learnerId, String currency, String accountReference) {
    }

    /** Learners with payables past their settling period and an account past any change's cooling period. */
    Uni<List<ReadyGroup>> readyForTransfer(Instant accruedBy, Instant now, int limit) {
        return getSession().chain(session -> session.createSelectionQuery("""
                        select distinct p.learnerId, p.currency, a.providerAccountRef
                          from Payable p join PayoutAccount a on a.learnerId = p.learnerId
                         where p.transferId is null and p.cancelledAt is null and p.accruedAt <= :accruedBy
                           and a.usableFrom <= :now""", ReadyGroup.class)
                .setParameter("accruedBy", accruedBy)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
    }

    Uni<Payable> byPosting(UUID postingId) {
        return find("postingId = ?1", postingId).firstResult();
    }

    /** A learner's open payables in one currency that accrued by the cutoff. */
    Uni<List<Payable>> openFor(String learnerId, String currency, Instant accruedBy) {
        return list("learnerId = ?1 and currency = ?2 and transferId is null and cancelledAt is null and accruedAt <= ?3",
                learnerId, currency, accruedBy);
    }

    Uni<List<Payable>> recent(String learnerId, int limit) {
        return find("learnerId = ?1 order by accruedAt desc", learnerId).page(0, limit).list();
    }

    /** A transfer that gave up hands its payables back, open for a later run. */
    Uni<Integer> releaseFrom(UUID transferId) {
        return update("transferId = null where transferId = ?1", transferId);
    }
}
