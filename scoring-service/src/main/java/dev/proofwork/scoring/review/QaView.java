package dev.proofwork.scoring.review;

import dev.proofwork.scoring.duplicate.DuplicateFlag;
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

        public static Flag of(DuplicateFlag flag) {
            return new Flag(flag.id(), flag.originalId(), flag.similarity(), flag.status(), flag.verdict());
        }
    }

    static QaView of(ReviewSubmission submission, List<ReviewTask> reviews, List<DuplicateFlag> flags,
            List<OperatorDecision> decisions) {
        List<Double> scores = reviews.stream().filter(ReviewTask::scored).map(ReviewTask::weightedScore).sorted()
                .toList();
        return new QaView(submission.id(), submission.auditionId(), submission.skill(), submission.status(),
                submission.finalScore(), QualityAssurance.spread(scores),
                reviews.stream().anyMatch(ReviewTask::adjudication),
                reviews.stream().map(t -> new Review(t.id(), t.reviewerId(), t.adjudication(), t.status(), t.scores(),
                        t.scored() ? t.weightedScore() : null, t.comment())).toList(),
                flags.stream().map(Flag::of).toList(),
                decisions.stream().map(d -> new Decision(d.kind(), d.reason(), d.decidedBy(), d.decidedAt())).toList());
    }
}
