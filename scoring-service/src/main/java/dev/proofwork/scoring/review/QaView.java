package dev.proofwork.scoring.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an operator needs to judge a submission's QA: each review by whom, the spread, any flags, and
 * the operators' decisions so far.
 */
public record QaView(UUID submissionId, UUID auditionId, String skill, SubmissionStatus status, BigDecimal finalScore,
        double spread, boolean adjudicated, List<Review> reviews, List<Flag> flags, List<Decision> decisions) {

    public record Review(UUID taskId, UUID reviewerId, boolean adjudication, TaskStatus status,
            Map<String, Integer> scores, Double weightedScore, String comment) {
    }

    /** An operator's decision on this submission: what, why, who and when. */
    public record Decision(OperatorDecision.Kind kind, String reason, String decidedBy, Instant decidedAt) {
    }

    public record Flag(UUID flagId, UUID originalSubmissionId, BigDecimal similarity, String status, String verdict) {
    }
}
