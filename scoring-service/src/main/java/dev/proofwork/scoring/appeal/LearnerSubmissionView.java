package dev.proofwork.scoring.appeal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A learner's own result: the scores and comments of each review and the operators' decisions, never who gave them. */
public record LearnerSubmissionView(UUID submissionId, String status, BigDecimal finalScore, Boolean passed,
        Boolean valid, int scoreVersion, List<Review> reviews, AppealView appeal, List<Decision> operatorDecisions) {

    /** An operator's decision on the work, with the reason; who made it stays with the platform. */
    public record Decision(String kind, String reason, Instant decidedAt) {
    }

    public record Review(Map<String, Integer> scores, Double weightedScore, String invalidReason, String comment) {
    }

    public record AppealView(String status, String reason, String decisionReason) {
    }
}
