package dev.proofwork.audition.attempt;

import dev.proofwork.events.AttemptEvent.AttemptExpired;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ends attempts that will not be submitted, each with its expired event; the seat stays used. */
@ApplicationScoped
public class AttemptExpiry {

    /** PostgreSQL's SKIP LOCKED, as Jakarta Persistence spells it. */
    private static final int SKIP_LOCKED = -2;
    private static final int BATCH = 500;

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
        return attempts.find("status = ?1 and deadline < ?2 order by deadline", AttemptStatus.ACTIVE, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, BATCH).list()
                .chain(overdue -> expire(overdue, now));
    }

    /** Runs inside the caller's transaction, with the audition row already locked against new claims. */
    public Uni<Integer> expireUnsubmitted(UUID auditionId, Instant now) {
        return attempts.find("auditionId = ?1 and status = ?2", auditionId, AttemptStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(active -> expire(active, now));
    }

    private Uni<Integer> expire(List<Attempt> ending, Instant now) {
        // one at a time: a reactive session runs one statement at a time
        return Multi.createFrom().iterable(ending)
                .onItem().transformToUniAndConcatenate(attempt -> {
                    attempt.expire(now);
                    return outbox.add(new AttemptExpired(attempt.id(), attempt.auditionId(), attempt.learnerId(),
                            attempt.deadline(), now));
                })
                .collect().asList()
                .map(List::size);
    }
}
