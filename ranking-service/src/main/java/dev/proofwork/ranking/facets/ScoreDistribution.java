package dev.proofwork.ranking.facets;

/**
 * How many learners of a skill hold each published score. Scores are whole numbers 0..1000, so the whole
 * distribution is at most 1,001 counts however many learners there are, and a percentile is two lookups.
 */
final class ScoreDistribution {

    private final long[] atOrBelow = new long[1002];

    /** @param counts learners per score, index = score */
    private ScoreDistribution(long[] counts) {
        for (int score = 0; score <= 1000; score++) {
            atOrBelow[score + 1] = atOrBelow[score] + counts[score];
        }
    }

    static ScoreDistribution of(long[] counts) {
        return new ScoreDistribution(counts);
    }

    static ScoreDistribution ofScores(int[] scores) {
        long[] counts = new long[1001];
        for (int score : scores) {
            counts[score]++;
        }
        return new ScoreDistribution(counts);
    }

    /** Mid-rank percentile: the share below the score, plus half the share level with it. */
    double percentile(int score) {
        long total = atOrBelow[1001];
        if (total == 0) {
            return 0;
        }
        long below = atOrBelow[score];
        long level = atOrBelow[score + 1] - below;
        return 100.0 * (below + 0.5 * level) / total;
    }
}
