package dev.proofwork.ranking.facets;

import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.PublishedScore;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of a learner's estimate: which evidence, when, and the belief before and after. */
@Entity
@Table(name = "score_change")
public class ScoreChange {

    public enum Cause {
        /** A review of the learner's work, applied online. */
        REVIEW,
        /** A refit of the whole skill (scheduled or an operator's) replaced the online estimate; written by {@link Refit}. */
        REFIT
    }

    @Id
    private UUID id;
    private String skill;
    private String learnerId;
    private Instant changedAt;
    @Enumerated(EnumType.STRING)
    private Cause cause;
    private UUID auditionId;
    private double muBefore;
    private double sigmaBefore;
    private double muAfter;
    private double sigmaAfter;

    protected ScoreChange() {
    }

    private ScoreChange(UUID id, FacetId learner, Instant at, Cause cause, UUID auditionId, Belief before, Belief after) {
        this.id = id;
        this.skill = learner.skill();
        this.learnerId = learner.key();
        this.changedAt = at;
        this.cause = cause;
        this.auditionId = auditionId;
        this.muBefore = before.mean();
        this.sigmaBefore = before.sigma();
        this.muAfter = after.mean();
        this.sigmaAfter = after.sigma();
    }

    /** Keyed by the review, so the change a review made is recorded once. */
    static ScoreChange review(UUID reviewId, FacetId learner, Instant at, UUID auditionId, Belief before, Belief after) {
        return new ScoreChange(reviewId, learner, at, Cause.REVIEW, auditionId, before, after);
    }

    RankingViews.ScoreMove view() {
        Belief after = new Belief(muAfter, sigmaAfter * sigmaAfter);
        return new RankingViews.ScoreMove(changedAt, cause, auditionId,
                PublishedScore.of(after), muAfter, sigmaAfter, muAfter - muBefore,
                sigmaAfter - sigmaBefore);
    }
}
