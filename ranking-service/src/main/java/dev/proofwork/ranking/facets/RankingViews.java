package dev.proofwork.ranking.facets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the ranking endpoints return. Scores are 0..1000 as of the moment of reading, decay included. */
public final class RankingViews {

    private RankingViews() {
    }

    public record CohortEntry(int rank, String candidate, int score, double sigma, double percentile,
            boolean comparable, int evidence) {
    }

    public record LeaderboardEntry(int rank, String handle, int score, double sigma, int evidence) {
    }

    public record MySkill(String skill, int score, double mu, double sigma, double percentile, int evidence,
            Instant lastEvidenceAt, Instant proofValidUntil, boolean comparable) {
    }

    /** What one piece of evidence did to a learner's estimate; {@code score} is the published score after it. */
    public record ScoreMove(Instant at, ScoreChange.Cause cause, UUID auditionId, int score, double mu, double sigma,
            double muChange, double sigmaChange) {
    }

    /** A point of the published score's projected decay if no new evidence arrives. */
    public record ProjectedScore(Instant at, int score) {
    }

    /**
     * Why a learner's score in a skill is what it is: every move, oldest first, and where decay takes it
     * from now until the proof would lapse.
     */
    public record SkillHistory(MySkill now, List<ScoreMove> moves, List<ProjectedScore> decay) {
    }

    /**
     * A reviewer in one skill as the model sees them: severity (above 0 scores harder than most) and noise sd
     * on the latent scale (null until a refit has estimated it); {@code erratic} when their reviews count
     * for much less than most reviewers' in the skill.
     */
    public record ReviewerModel(String skill, double severity, double severitySigma, Double noiseSigma, int reviews,
            boolean erratic) {
    }

    public record Fit(String skill, double passProbability, double predictionSigma, int evidence) {
    }

    public record AuditionFit(UUID auditionId, Fit fit) {
    }
}
