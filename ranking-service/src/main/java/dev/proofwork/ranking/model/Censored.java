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
