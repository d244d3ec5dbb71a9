package dev.proofwork.ranking.model;

import java.util.Arrays;
import java.util.List;

/**
 * How much each criterion of one task's rubric says about a learner's work, learnt from the task's reviews,
 * and the review score the facets model reads: each criterion's score on 0..1 of its maximum, weighted by its
 * reliability instead of by the rubric's weights. The criteria of a review are read as one measurement model
 * (the many-facet Rasch view of criteria as items): each criterion is the work's overall level plus its own
 * noise, so what a criterion shares with the others across reviews is the level, and what it varies beyond
 * that is its noise (a criterion that shares nothing with the others is all noise). A criterion reviewers score erratically, or on so few points that rounding blurs it, counts for less;
 * the rubric's weights say what the employer values in this task, not how precisely each part is judged.
 * Constant per-criterion offsets (a criterion everyone scores high) fall into the task's difficulty.
 */
public final class CriterionWeights {

    /** How many reviews' worth the task's mean criterion noise counts for in one criterion's estimate. */
    private static final double PRIOR_REVIEWS = 20;
    /** The least share of the mean noise a criterion is credited with, so that no criterion alone decides a score. */
    private static final double MIN_NOISE_SHARE = 0.2;

    private CriterionWeights() {
    }

    /**
     * @param maxima each criterion's maximum score
     * @param reviews each review's scores, criterion by criterion in the order of {@code maxima}
     * @return per criterion, the weight of one score point: a review's composite {@link #score} runs 0..1. With
     *         fewer than two reviews, or criteria that share nothing, every criterion counts alike.
     */
    public static double[] learn(int[] maxima, List<int[]> reviews) {
        int k = maxima.length;
        double[] noise = new double[k];
        Arrays.fill(noise, 1);
        int n = reviews.size();
        if (k > 1 && n > 1) {
            double[][] covariance = covariance(maxima, reviews);
            double[] own = new double[k];
            double mean = 0;
            boolean shares = false;
            for (int c = 0; c < k; c++) {
                // what this criterion shares with the others is the work's level; the rest of its variance is its own
                double shared = 0;
                for (int other = 0; other < k; other++) {
                    shared += other == c ? 0 : covariance[c][other] / (k - 1);
                }
                shares |= shared > 0;
                own[c] = Math.max(0, covariance[c][c] - Math.max(0, shared));
                mean += own[c] / k;
            }
            if (shares && mean > 0) {
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

    /** A review's composite score on 0..1 under the given weights. */
    public static double score(double[] weights, int[] scores) {
        double sum = 0;
        for (int c = 0; c < weights.length; c++) {
            sum += weights[c] * scores[c];
        }
        return Math.min(1, Math.max(0, sum));
    }

    private static double[][] covariance(int[] maxima, List<int[]> reviews) {
        int k = maxima.length;
        int n = reviews.size();
        double[] mean = new double[k];
        for (int[] review : reviews) {
            for (int c = 0; c < k; c++) {
                mean[c] += (double) review[c] / maxima[c] / n;
            }
        }
        double[][] covariance = new double[k][k];
        for (int[] review : reviews) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    covariance[a][b] += ((double) review[a] / maxima[a] - mean[a])
                            * ((double) review[b] / maxima[b] - mean[b]) / (n - 1);
                }
            }
        }
        return covariance;
    }
}
