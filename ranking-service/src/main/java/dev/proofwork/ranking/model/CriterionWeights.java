package dev.proofwork.ranking.model;

import java.util.Arrays;

/**
 * How much each criterion of one task's rubric says about a learner's work, learnt from the task's reviews,
 * and the review score the facets model reads: each criterion's score as a share of its maximum, weighed by how
 * reliably it is judged instead of by the rubric's weights. The criteria of a review are read as one measurement
 * model (the many-facet Rasch view of criteria as items): each is the work's level plus noise of its own. The
 * difference of two criteria of one review is free of the level, so its spread over the task's reviews is the
 * sum of the two criteria's noise; three criteria or more tell each one's noise apart (two cannot, and keep the
 * rubric's weights). A criterion reviewers judge erratically, or on so few points that rounding blurs it, or
 * that has nothing to do with the rest, counts for less; the rubric's weights say what the employer values in
 * this task, not how precisely each part is judged. Constant offsets (a criterion everyone scores high) fall into
 * the task's difficulty.
 */
public final class CriterionWeights {

    /** The fewest criteria whose reviews alone can tell which of them is judged more erratically. */
    public static final int MIN_CRITERIA = 3;
    /** How many reviews' worth the task's mean criterion noise counts for in one criterion's estimate. */
    private static final double PRIOR_REVIEWS = 20;
    /** The least share of the mean noise a criterion is credited with, so that no criterion alone decides a score. */
    private static final double MIN_NOISE_SHARE = 0.2;

    private CriterionWeights() {
    }

    /**
     * @param maxima each criterion's maximum score, at least {@value #MIN_CRITERIA} of them
     * @param scores each review's scores, criterion by criterion in the order of {@code maxima}, review after
     *        review (a flat array, so that a task of many reviews costs no object per review)
     * @return per criterion, the weight of one score point: a review's composite {@link #score} runs 0..1. With
     *         fewer than two reviews, or criteria judged without noise, every criterion counts alike.
     */
    public static double[] learn(int[] maxima, int[] scores) {
        int k = maxima.length;
        if (k < MIN_CRITERIA) {
            throw new IllegalArgumentException(k + " criteria cannot tell which is judged more erratically");
        }
        int n = scores.length / k;
        double[] noise = new double[k];
        Arrays.fill(noise, 1);
        if (n > 1) {
            double[][] differences = differenceVariances(maxima, scores, n);
            // the variance of a − b is noise(a) + noise(b): each row's sum, less what all pairs share
            double all = 0;
            double[] row = new double[k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    row[a] += differences[a][b];
                    all += differences[a][b] / 2;
                }
            }
            double[] own = new double[k];
            double mean = 0;
            for (int c = 0; c < k; c++) {
                own[c] = Math.max(0, (row[c] - all / (k - 1)) / (k - 2));
                mean += own[c] / k;
            }
            if (mean > 0) {
                for (int c = 0; c < k; c++) {
                    double shrunk = (n * own[c] + PRIOR_REVIEWS * mean) / (n + PRIOR_REVIEWS);
                    noise[c] = Math.max(shrunk, MIN_NOISE_SHARE * mean);
                }
            }
        }
        double precision = Arrays.stream(noise).map(v -> 1 / v).sum();
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = 1 / noise[c] / precision / maxima[c];
        }
        return weights;
    }

    /** A review's composite score on 0..1 under the given weights, from its scores at {@code from} on. */
    public static double score(double[] weights, int[] scores, int from) {
        double sum = 0;
        for (int c = 0; c < weights.length; c++) {
            sum += weights[c] * scores[from + c];
        }
        return Math.min(1, Math.max(0, sum));
    }

    /** The sample variance over reviews of each pair of criteria's difference, each on 0..1 of its maximum. */
    private static double[][] differenceVariances(int[] maxima, int[] scores, int n) {
        int k = maxima.length;
        double[][] sum = new double[k][k];
        double[][] squares = new double[k][k];
        for (int review = 0; review < n; review++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    double difference = (double) scores[review * k + a] / maxima[a]
                            - (double) scores[review * k + b] / maxima[b];
                    sum[a][b] += difference;
                    squares[a][b] += difference * difference;
                }
            }
        }
        double[][] variance = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                variance[a][b] = (squares[a][b] - sum[a][b] * sum[a][b] / n) / (n - 1);
            }
        }
        return variance;
    }
}
