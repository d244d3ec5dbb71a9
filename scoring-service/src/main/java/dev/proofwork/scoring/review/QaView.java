package dev.proofwork.scoring.review;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything an operator needs to judge a submission's QA: each review by whom, the spread, and any flags. */
public record QaView(UUID submissionId, UUID auditionId, String skill, SubmissionStatus status, BigDecimal finalScore,
        double spread, boolean adjudicated, List<Review> reviews, List<Flag> flags) {

    public record Review(UUID taskId, UUID reviewerId, boolean adjudication, TaskStatus status,
            Map<String, Integer> scores, Double weightedScore, String comment) {
    }

    public record Flag(UUID flagId, UUID originalSubmissionId, BigDecimal similarity, String status, String verdict) {
    }
}
