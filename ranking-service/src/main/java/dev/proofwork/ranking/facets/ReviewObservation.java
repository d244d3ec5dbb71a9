package dev.proofwork.ranking.facets;

import dev.proofwork.events.ScoringEvent.ReviewRecorded;
import dev.proofwork.ranking.model.CriterionPoints;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One review as evidence: kept for the batch refit, applied online once its author is known. */
@Entity
@Table(name = "review_observation")
public class ReviewObservation {

    @Id
    private UUID reviewId;
    private UUID submissionId;
    private String skill;
    private UUID taskId;
    private String reviewerId;
    /** The rubric's weighted score, 0..1. */
    private double score;
    /** Each criterion's score, as {@link CriterionPoints}. */
    private String criterionKeys;
    private int[] criterionPoints;
    private Instant observedAt;
    /** When the review was applied online; null until its author is known. */
    private Instant appliedAt;

    protected ReviewObservation() {
    }

    ReviewObservation(ReviewRecorded review) {
        this.reviewId = review.reviewId();
        this.submissionId = review.submissionId();
        this.skill = review.skill();
        this.taskId = review.auditionId();
        this.reviewerId = review.reviewerId();
        this.score = review.weightedScore();
        if (review.scores() != null) {
            CriterionPoints points = CriterionPoints.of(review.scores());
            this.criterionKeys = points.keys();
            this.criterionPoints = points.points();
        }
        this.observedAt = review.recordedAt();
    }

    UUID reviewId() {
        return reviewId;
    }

    void applied(Instant at) {
        appliedAt = at;
    }

    public UUID submissionId() {
        return submissionId;
    }

    public String skill() {
        return skill;
    }

    public UUID taskId() {
        return taskId;
    }

    public String reviewerId() {
        return reviewerId;
    }

    public double score() {
        return score;
    }

    /** Null for a review that scored no criteria. */
    public CriterionPoints criterionScores() {
        return criterionKeys == null ? null : new CriterionPoints(criterionKeys, criterionPoints);
    }

    public Instant observedAt() {
        return observedAt;
    }
}
