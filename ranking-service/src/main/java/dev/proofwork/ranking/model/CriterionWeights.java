package dev.proofwork.ranking.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How much each criterion of one task's rubric says about a learner's work, learnt from the task's reviews
 * (and, where they are few, from the skill's other tasks' reviews of criteria of the same key), and the review
 * score the facets model reads: each criterion's score as a share of its maximum, weighed by how reliably it is
 * judged instead of by the rubric's weights. The criteria of a review are read as one measurement
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
    /**
     * How many reviews' worth the prior counts for in one criterion's noise: the task's mean criterion noise,
     * scaled by how erratic the same criterion is, relative to its task's others, in the skill's other tasks.
     */
    private static final double PRIOR_REVIEWS = 20;
    /** The least share of the mean noise a criterion is credited with, so that no criterion alone decides a score. */
    private static final double MIN_NOISE_SHARE = 0.2;

    /**
     * One task's rubric and its reviews.
     *
     * @param keys its criteria's keys, in the order of {@code maxima}
     * @param maxima each criterion's maximum score, at least {@value #MIN_CRITERIA} of them
     * @param scores each review's scores, criterion by criterion in that order, review after review (a flat
     *        array, so that a task of many reviews costs no object per review)
     */
    public record Task(List<String> keys, int[] maxima, int[] scores) {

        public Task {
            if (maxima.length < MIN_CRITERIA) {
                throw new IllegalArgumentException(maxima.length + " criteria cannot tell which is judged more erratically");
            }
            if (keys.size() != maxima.length) {
                throw new IllegalArgumentException(keys.size() + " keys for " + maxima.length + " criteria");
            }
        }

        int reviews() {
            return scores.length / maxima.length;
        }
    }

    private CriterionWeights() {
    }

    /** One task on its own, its criteria known by position: {@link #learn(List)} without other tasks to borrow from. */
    public static double[] learn(int[] maxima, int[] scores) {
        List<String> keys = IntStream.range(0, maxima.length).mapToObj(Integer::toString).toList();
        return learn(List.of(new Task(keys, maxima, scores))).get(0);
    }

    /**
     * Each task's criteria's weights. A task's own reviews estimate each criterion's noise; where they are few,
     * the estimate leans on what the skill's other tasks say about the criterion of the same key (clarity judged
     * loosely everywhere is likely judged loosely here too), or, for a key no other task has, on the task's mean.
     *
     * @return per task, in order, the weight of one score point of each criterion: a review's composite
     *         {@link #score} runs 0..1. With fewer than two reviews and nothing to borrow, or criteria judged
     *         without noise, every criterion counts alike.
     */
    public static List<double[]> learn(List<Task> tasks) {
        List<double[]> own = tasks.stream().map(CriterionWeights::ownNoise).toList();
        // per key, over tasks: reviews × the criterion's noise relative to its task's mean, and reviews
        Map<String, double[]> byKey = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            if (own.get(t) == null) {
                continue;
            }
            double mean = mean(own.get(t));
            int n = tasks.get(t).reviews();
            for (int c = 0; c < own.get(t).length; c++) {
                double[] sums = byKey.computeIfAbsent(tasks.get(t).keys().get(c), k -> new double[2]);
                sums[0] += n * own.get(t)[c] / mean;
                sums[1] += n;
            }
        }
        List<double[]> weights = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            weights.add(weights(tasks.get(t), own.get(t), byKey));
        }
        return weights;
    }

    private static double[] weights(Task task, double[] own, Map<String, double[]> byKey) {
        int k = task.maxima().length;
        double[] noise = new double[k];
        Arrays.fill(noise, 1);
        if (own != null) {
            int n = task.reviews();
            double mean = mean(own);
            // the other tasks' relative noise per key (this task's own left out), drawn towards 1 by the prior's weight
            double[] relative = new double[k];
            for (int c = 0; c < k; c++) {
                double[] sums = byKey.get(task.keys().get(c));
                relative[c] = (sums[0] - n * own[c] / mean + PRIOR_REVIEWS) / (sums[1] - n + PRIOR_REVIEWS);
            }
            double scale = mean(relative);
            for (int c = 0; c < k; c++) {
                double prior = mean * relative[c] / scale;
                noise[c] = Math.max((n * own[c] + PRIOR_REVIEWS * prior) / (n + PRIOR_REVIEWS), MIN_NOISE_SHARE * mean);
            }
        }
        double precision = Arrays.stream(noise).map(v -> 1 / v).sum();
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = 1 / noise[c] / precision / task.maxima()[c];
        }
        return weights;
    }

    /**
     * Each criterion's noise as the task's reviews alone show it; null where they cannot (fewer than two reviews,
     * or criteria that never differ).
     */
    private static double[] ownNoise(Task task) {
        int k = task.maxima().length;
        int n = task.reviews();
        if (n < 2) {
            return null;
        }
        double[][] differences = differenceVariances(task.maxima(), task.scores(), n);
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
        for (int c = 0; c < k; c++) {
            own[c] = Math.max(0, (row[c] - all / (k - 1)) / (k - 2));
        }
        return mean(own) > 0 ? own : null;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
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
