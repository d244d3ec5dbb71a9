package dev.proofwork.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A learner's attempt at an audition, published by audition-service, keyed by attempt id. */
public sealed interface AttemptEvent extends ProofworkEvent {

    UUID attemptId();

    @Override
    default String aggregateId() {
        return attemptId().toString();
    }

    record SeatClaimed(UUID attemptId, UUID auditionId, String learnerId, Instant startedAt, Instant deadline)
            implements AttemptEvent {
    }

    /**
     * Carries what scoring needs to review the work (the text, links and file descriptions) and deliberately
     * no learner identity: reviews are blind. The learner is known to consumers that need it (payouts) from
     * {@link SeatClaimed} of the same attempt, which precedes this event on the same partition.
     */
    record SubmissionReceived(UUID attemptId, UUID submissionId, UUID auditionId, String skill, int rubricVersion,
            String content, List<String> links, List<SubmittedFile> files, String contentSha256, Instant receivedAt)
            implements AttemptEvent {
    }

    record AttemptExpired(UUID attemptId, UUID auditionId, String learnerId, Instant deadline, Instant expiredAt)
            implements AttemptEvent {
    }
}
