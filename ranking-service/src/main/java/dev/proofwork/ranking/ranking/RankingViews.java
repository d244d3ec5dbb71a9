package dev.proofwork.ranking.ranking;

import java.time.Instant;

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

    public record Fit(String skill, double passProbability, double predictionSigma, int evidence) {
    }
}
