package dev.proofwork.audition.attempt;

import java.time.Instant;
import java.util.UUID;

public record AttemptView(UUID attemptId, UUID auditionId, AttemptStatus status, Instant startedAt, Instant deadline,
        Instant endedAt) {

    static AttemptView of(Attempt attempt) {
        return new AttemptView(attempt.id(), attempt.auditionId(), attempt.status(), attempt.startedAt(),
                attempt.deadline(), attempt.endedAt());
    }
}
