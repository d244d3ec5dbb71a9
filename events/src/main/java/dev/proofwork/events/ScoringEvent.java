package dev.proofwork.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reviews and QA outcomes, published by scoring-service, keyed by submission id. */
public sealed interface ScoringEvent extends ProofworkEvent {

    UUID submissionId();

    @Override
    default String aggregateId() {
        return submissionId().toString();
    }

    /** One reviewer's scores; ranking-service fits reviewer severity from these. */
    record ReviewRecorded(UUID reviewId, UUID submissionId, UUID auditionId, String skill, String reviewerId,
            Map<String, Integer> scores, double weightedScore, boolean adjudication, Instant assignedAt,
            Instant recordedAt) implements ScoringEvent {
    }

    /** The final QA result; a later version (after an appeal) supersedes an earlier one. */
    record SubmissionScored(UUID submissionId, UUID auditionId, String skill, int version, double finalScore,
            int reviewCount, boolean passed, boolean valid, Instant scoredAt) implements ScoringEvent {
    }

    /** A confirmed duplicate or invalid submission: never ranked, never paid. */
    record SubmissionRejected(UUID submissionId, UUID auditionId, String reason, Instant rejectedAt)
            implements ScoringEvent {
    }
}
