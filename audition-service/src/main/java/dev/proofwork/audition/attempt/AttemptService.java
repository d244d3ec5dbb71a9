package dev.proofwork.audition.attempt;

import dev.proofwork.audition.listing.Audition;
import dev.proofwork.audition.listing.AuditionRepository;
import dev.proofwork.audition.listing.AuditionStatus;
import dev.proofwork.events.AttemptEvent.SeatClaimed;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.domain.DomainException.Conflict;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class AttemptService {

    /**
     * Takes the next seat in one statement: the row lock serialises concurrent claims, the condition refuses
     * the one past the last seat, and the new count is the seat's number, so seats run 1..n without a gap.
     */
    private static final String TAKE_SEAT = """
            with taken as (
                update audition set seats_claimed = seats_claimed + 1
                where id = :auditionId and status = 'OPEN' and seats_claimed < seats
                returning seats_claimed)
            select seats_claimed from taken""";

    private final AuditionRepository auditions;
    private final AttemptRepository attempts;
    private final Outbox outbox;
    private final Clock clock;

    AttemptService(AuditionRepository auditions, AttemptRepository attempts, Outbox outbox, Clock clock) {
        this.auditions = auditions;
        this.attempts = attempts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Attempt> claimSeat(UUID auditionId, String learnerId) {
        Instant now = clock.instant();
        return auditions.findById(auditionId)
                .map(audition -> claimable(audition, auditionId, now))
                .call(audition -> attempts.find("auditionId = ?1 and learnerId = ?2", auditionId, learnerId)
                        .firstResult()
                        .invoke(existing -> {
                            if (existing != null) {
                                throw alreadyAttempted(existing.id());
                            }
                        }))
                .chain(audition -> takeSeat(auditionId).chain(seat -> {
                    if (seat == null) {
                        throw new Conflict("no-seats-left", "No seat left",
                                "all " + audition.seats() + " seats of this audition are taken")
                                .with("seats", audition.seats());
                    }
                    Attempt attempt = Attempt.start(auditionId, learnerId, seat, now,
                            Duration.ofMinutes(audition.timeboxMinutes()));
                    return attempts.persistAndFlush(attempt)
                            // two claims by one learner at once: the loser finds the winner's attempt
                            .onFailure(ConstraintViolationException.class).transform(e -> alreadyAttempted(null))
                            .chain(() -> outbox.add(new SeatClaimed(attempt.id(), auditionId, learnerId,
                                    attempt.startedAt(), attempt.deadline())))
                            .replaceWith(attempt);
                }));
    }

    @WithSession
    public Uni<Attempt> find(UUID attemptId, String learnerId) {
        return attempts.findById(attemptId).map(attempt -> {
            if (attempt == null || !attempt.heldBy(learnerId)) {
                throw new NotFound("attempt " + attemptId);
            }
            return attempt;
        });
    }

    @WithSession
    public Uni<Page<Attempt>> mine(String learnerId, int page, int size) {
        var query = attempts.find("learnerId", Sort.by("startedAt", Sort.Direction.Descending).and("id"), learnerId)
                .page(page, size);
        return query.list().chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
    }

    private static Audition claimable(Audition audition, UUID auditionId, Instant now) {
        if (audition == null || !(audition.status() == AuditionStatus.OPEN || audition.status() == AuditionStatus.CLOSED)) {
            throw new NotFound("audition " + auditionId);
        }
        if (audition.status() != AuditionStatus.OPEN) {
            throw new InvalidState("audition-not-open", "The audition is not open",
                    "seats can be claimed only while an audition is OPEN; it is " + audition.status())
                    .with("currentState", audition.status());
        }
        if (!audition.closesAt().isAfter(now)) {
            throw new InvalidState("window-closed", "The window has closed",
                    "the audition stopped taking learners at " + audition.closesAt())
                    .with("closesAt", audition.closesAt());
        }
        return audition;
    }

    private static Uni<Integer> takeSeat(UUID auditionId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(TAKE_SEAT, Integer.class)
                .setParameter("auditionId", auditionId)
                .getResultList()
                .map(List::stream)
                .map(seats -> seats.findFirst().orElse(null)));
    }

    private static DomainException alreadyAttempted(UUID attemptId) {
        DomainException problem = new Conflict("already-attempted", "Already attempted",
                "a learner has one attempt per audition");
        return attemptId == null ? problem : problem.with("attemptId", attemptId);
    }
}
