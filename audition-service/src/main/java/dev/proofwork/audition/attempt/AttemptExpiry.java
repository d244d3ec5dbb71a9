package dev.proofwork.audition.attempt;

import dev.proofwork.events.AttemptEvent.AttemptExpired;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Ends attempts that will not be submitted, each with its expired event; the seat stays used. */
@ApplicationScoped
public class AttemptExpiry {

    /** Rows another sweeper has locked are skipped, not waited for: each overdue attempt is expired once. */
    private static final String EXPIRE_OVERDUE = """
            with expired as (
                update attempt set status = 'EXPIRED', ended_at = :now
                where id in (select id from attempt where status = 'ACTIVE' and deadline < :now
                             order by deadline limit 500 for update skip locked)
                returning id)
            select id from expired""";

    private final AttemptRepository attempts;
    private final Outbox outbox;
    private final Clock clock;

    AttemptExpiry(AttemptRepository attempts, Outbox outbox, Clock clock) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Expires one batch of attempts past their deadline and returns how many. Rows another sweeper holds
     * are skipped, so instances running at once never expire (or announce) the same attempt twice.
     */
    @WithTransaction
    public Uni<Integer> expireOverdue() {
        Instant now = clock.instant();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(EXPIRE_OVERDUE, UUID.class)
                        .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Attempt> of()) : attempts.list("id in ?1", ids))
                .chain(expired -> announce(expired, now));
    }

    /** Runs inside the caller's transaction, with the audition row already locked against new claims. */
    public Uni<Integer> expireUnsubmitted(UUID auditionId, Instant now) {
        return attempts.find("auditionId = ?1 and status = ?2", auditionId, AttemptStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(active -> active.forEach(attempt -> attempt.expire(now)))
                .chain(expired -> announce(expired, now));
    }

    private Uni<Integer> announce(List<Attempt> expired, Instant now) {
        // one at a time: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(expired)
                .onItem().transformToUniAndConcatenate(attempt -> outbox.add(new AttemptExpired(attempt.id(),
                        attempt.auditionId(), attempt.learnerId(), attempt.deadline(), now)))
                .collect().asList()
                .map(List::size);
    }
}
