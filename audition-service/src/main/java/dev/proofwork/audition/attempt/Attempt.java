package dev.proofwork.audition.attempt;

import dev.proofwork.runtime.domain.DomainException.InvalidState;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A learner's one try at an audition: a numbered seat and a deadline of start plus timebox. */
@Entity
@Table(name = "attempt")
public class Attempt {

    @Id
    private UUID id;
    private UUID auditionId;
    private String learnerId;
    private int seatNumber;
    @Enumerated(EnumType.STRING)
    private AttemptStatus status;
    private Instant startedAt;
    private Instant deadline;
    private Instant endedAt;

    protected Attempt() {
    }

    static Attempt start(UUID auditionId, String learnerId, int seatNumber, Instant now, Duration timebox) {
        Attempt attempt = new Attempt();
        attempt.id = UUID.randomUUID();
        attempt.auditionId = auditionId;
        attempt.learnerId = learnerId;
        attempt.seatNumber = seatNumber;
        attempt.status = AttemptStatus.ACTIVE;
        attempt.startedAt = now;
        attempt.deadline = now.plus(timebox);
        return attempt;
    }

    /** Refuses a submission unless the attempt is active and its deadline has not passed. */
    public void submit(Instant now) {
        requireOpenForWork(now);
        status = AttemptStatus.SUBMITTED;
        endedAt = now;
    }

    /** Refuses, as {@link #submit} would, an attempt that can no longer take work; changes nothing. */
    public void requireOpenForWork(Instant now) {
        if (status == AttemptStatus.SUBMITTED) {
            throw new InvalidState("already-submitted", "Already submitted",
                    "this attempt's work was already handed in; an attempt takes one submission");
        }
        if (status == AttemptStatus.EXPIRED || now.isAfter(deadline)) {
            throw new InvalidState("deadline-passed", "The deadline has passed",
                    "the attempt's deadline was " + deadline + "; submissions after it are refused")
                    .with("deadline", deadline);
        }
    }

    void expire(Instant now) {
        status = AttemptStatus.EXPIRED;
        endedAt = now;
    }

    public boolean heldBy(String learner) {
        return learnerId.equals(learner);
    }

    public UUID id() {
        return id;
    }

    public UUID auditionId() {
        return auditionId;
    }

    public String learnerId() {
        return learnerId;
    }

    public int seatNumber() {
        return seatNumber;
    }

    public AttemptStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
