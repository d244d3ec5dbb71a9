package dev.proofwork.audition.submission;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A submission as the employer sees it: the author under a per-audition pseudonym, revealed
 * ({@code learnerId}) only once they accepted the employer's contact request.
 */
public record CandidateSubmissionView(UUID submissionId, String candidate, String learnerId, Instant receivedAt,
        String contentSha256, QaStatus qaStatus, BigDecimal finalScore, Boolean passed, Boolean valid,
        String rejection) {
}
