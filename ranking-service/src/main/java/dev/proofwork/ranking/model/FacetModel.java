package dev.proofwork.ranking.model;

/**
 * A many-facet model on one latent scale: a review's weighted score, mapped linearly from 0..1 onto
 * -2..2, is explained by
 * {@code ability(learner) - difficulty(task) - severity(reviewer) + noise}. Each review updates the three
 * Gaussian beliefs at once in closed form (an assumed-density step, as a Kalman filter does), so the
 * update costs the same whatever the history. Task difficulty and reviewer severity are what make a
 * learner reviewed harshly, or given a hard task, comparable with one who was not.
 */
public final class FacetModel {

    private final double noiseVariance;

    /** @param noiseSigma the noise of a review whose reviewer the model knows nothing about yet */
    public FacetModel(double noiseSigma) {
        this.noiseVariance = noiseSigma * noiseSigma;
    }

    public record Update(Belief ability, Belief difficulty, Belief severity) {
    }

    /** @param score the review's weighted score on 0..1 */
    public Update observe(Belief ability, Belief difficulty, Belief severity, double score) {
        return observe(ability, difficulty, severity, score, null);
    }

    /**
     * @param score the review's weighted score on 0..1
     * @param reviewNoise the noise variance of this reviewer's scores as the last refit estimated it (an
     *        erratic reviewer's review moves the beliefs less), or null before any refit: the default noise
     */
    public Update observe(Belief ability, Belief difficulty, Belief severity, double score, Double reviewNoise) {
        double observed = latent(score);
        double predicted = ability.mean() - difficulty.mean() - severity.mean();
        double total = ability.variance() + difficulty.variance() + severity.variance()
                + (reviewNoise == null ? noiseVariance : reviewNoise);
        double residual = observed - predicted;
        return new Update(
                shift(ability, residual, total, +1),
                shift(difficulty, residual, total, -1),
                shift(severity, residual, total, -1));
    }

    /** The probability a learner's work scores at least {@code passMark}, given every uncertainty involved. */
    public double passProbability(Belief ability, Belief difficulty, double passMark) {
        double mean = ability.mean() - difficulty.mean();
        double sd = Math.sqrt(ability.variance() + difficulty.variance() + noiseVariance);
        return 1 - normalCdf((latent(passMark) - mean) / sd);
    }

    private static Belief shift(Belief belief, double residual, double total, int sign) {
        double gain = belief.variance() / total;
        return new Belief(belief.mean() + sign * gain * residual, belief.variance() * (1 - gain));
    }

    /**
     * A weighted score of 0..1 on the latent scale, -2..2. Linear, because rubric scores are interval-like;
     * on the benchmark it ranks and covers better than a logit, which turns 0 and 4 out of 4 into outliers.
     */
    public static double latent(double score) {
        return 4 * (score - 0.5);
    }

    /** Abramowitz and Stegun 7.1.26, accurate to about 1e-7: enough for a displayed probability. */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
