package dev.proofwork.scoring.appeal;

import dev.proofwork.scoring.review.OperatorDecision;
import dev.proofwork.scoring.review.ReviewSubmission;
import dev.proofwork.scoring.review.ReviewTask;
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

    static LearnerSubmissionView of(ReviewSubmission submission, Appeal appeal, List<ReviewTask> reviews,
            List<OperatorDecision> decisions) {
        return new LearnerSubmissionView(submission.id(), submission.status().name(), submission.finalScore(),
                submission.passed(), submission.valid(), submission.scoreVersion(),
                reviews.stream().map(t -> new Review(t.scores(), t.scored() ? t.weightedScore() : null,
                        t.invalidReason(), t.comment())).toList(),
                appeal == null ? null : new AppealView(appeal.status().name(), appeal.reason(), appeal.decisionReason()),
                decisions.stream().map(d -> new Decision(d.kind().name(), d.reason(), d.decidedAt())).toList());
    }
}
