package dev.proofwork.payout.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    /** Sent (or being sent) before the given time and still without a final answer, oldest first. */
    Uni<List<Transfer>> awaitingAnswerSince(Instant sentBefore, int limit) {
        return find("state in ?1 and sentAt <= ?2 order by sentAt",
                List.of(Transfer.State.SENDING, Transfer.State.SENT), sentBefore).page(0, limit).list();
    }

    /** Due transfers, row-locked and skipping those another run holds. */
    Uni<List<Transfer>> lockDue(Instant now, int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select id from transfer where state in ('PENDING', 'FAILED') and next_attempt_at <= :now
                         order by next_attempt_at limit :limit for update skip locked""", UUID.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter("limit", limit)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Transfer> of()) : list("id in ?1", ids));
    }

    Uni<Transfer> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<List<Transfer>> recent(String learnerId, int limit) {
        return find("learnerId = ?1 order by createdAt desc", learnerId).page(0, limit).list();
    }
}
