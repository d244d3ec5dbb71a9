package dev.proofwork.ranking.model;

/**
 * One Fisher-scoring step for a review at the rubric's floor or ceiling, read as censored: the latent
 * value is only known to lie beyond {@code bound}. Its information about the prediction is a fraction
 * {@code λ(λ − α)} of an exact review's, and its working value {@code η ± σ/(λ − α)} is where the weighted
 * least squares should see it, with {@code α} the bound's distance from the prediction in noise units and
 * {@code λ} the inverse Mills ratio there.
 */
final class Censored {

    record Step(double working, double information) {
    }

    /** A sample's mean and that estimate's sampling variance. */
    record Mean(double mean, double variance) {
    }

    private static final int MEAN_ITERATIONS = 100;

    /** The least spread a sample is credited with: a task whose reviews all agree still has some. */
    private static final double MIN_VARIANCE = 0.01;

    private Censored() {
    }

    /** @param side +1 for a ceiling score (latent at least {@code bound}), −1 for a floor score (at most −bound) */
    static Step step(double predicted, double sigma, int side, double bound) {
        // mirror a floor score onto the ceiling
        double eta = side * predicted;
        double alpha = (bound - eta) / sigma;
        double lambda = millsRatio(alpha);
        double gap = Math.max(lambda - alpha, 1e-9);
        return new Step(side * (eta + sigma / gap), Math.min(1, lambda * gap));
    }

    /**
     * The mean of a normal sample whose values beyond ±{@code bound} are known only to lie there (floor and
     * ceiling scores), by maximum likelihood (EM: each censored value replaced by its expectation beyond the
     * bound), and its variance from the information each value carries. The plain mean of such a sample is
     * pulled towards the middle: a task whose takers nearly all score the top looks only a little above one whose
     * takers mostly do. Where nearly every value is censored the mean is held within three sd of the bound.
     *
     * @param values latent values, of which {@code reviews[from..to)} are the sample
     * @param sides per value, +1 at the ceiling, −1 at the floor, 0 in between
     */
    static Mean mean(double[] values, byte[] sides, int[] reviews, int from, int to, double bound) {
        int n = to - from;
        double mean = 0;
        double squares = 0;
        for (int p = from; p < to; p++) {
            mean += values[reviews[p]] / n;
            squares += values[reviews[p]] * values[reviews[p]] / n;
        }
        double variance = Math.max(squares - mean * mean, MIN_VARIANCE);
        for (int iteration = 0; iteration < MEAN_ITERATIONS; iteration++) {
            double sigma = Math.sqrt(variance);
            double sum = 0;
            double sumSquares = 0;
            for (int p = from; p < to; p++) {
                int i = reviews[p];
                if (sides[i] == 0) {
                    sum += values[i];
                    sumSquares += values[i] * values[i];
                    continue;
                }
                // mirrored onto the ceiling: E[x | x > bound] and E[x² | x > bound] of N(eta, σ²)
                double eta = sides[i] * mean;
                double alpha = (bound - eta) / sigma;
                double lambda = millsRatio(alpha);
                double expected = eta + sigma * lambda;
                sum += sides[i] * expected;
                sumSquares += variance * (1 + alpha * lambda - lambda * lambda) + expected * expected;
            }
            double next = Math.max(-bound - 3 * sigma, Math.min(bound + 3 * sigma, sum / n));
            variance = Math.max(sumSquares / n - next * next, MIN_VARIANCE);
            boolean settled = Math.abs(next - mean) < 1e-6;
            mean = next;
            if (settled) {
                break;
            }
        }
        double sigma = Math.sqrt(variance);
        double information = 0;
        for (int p = from; p < to; p++) {
            int side = sides[reviews[p]];
            information += side == 0 ? 1 : step(mean, sigma, side, bound).information();
        }
        // n − 1: the spread is estimated from the same sample
        return new Mean(mean, variance * n / Math.max(1, n - 1) / Math.max(information, 1e-9));
    }

    /**
     * The expected squared residual of a review at the floor or ceiling, {@code σ²(1 + αλ)}: about σ² where the
     * prediction sits at or beyond the bound, growing with the square of the gap where it sits far inside (a top
     * score for work everything else says is weak).
     */
    static double expectedSquare(double predicted, double sigma, int side, double bound) {
        double alpha = (bound - side * predicted) / sigma;
        return sigma * sigma * Math.max(0, 1 + alpha * millsRatio(alpha));
    }

    /** φ(α) / (1 − Φ(α)), stable in both tails: a continued fraction where 1 − Φ is too small to compute. */
    static double millsRatio(double alpha) {
        if (alpha > 3) {
            double fraction = alpha;
            for (int k = 12; k >= 1; k--) {
                fraction = alpha + k / fraction;
            }
            return fraction;
        }
        double density = Math.exp(-alpha * alpha / 2) / Math.sqrt(2 * Math.PI);
        return density / (1 - FacetModel.normalCdf(alpha));
    }
}
