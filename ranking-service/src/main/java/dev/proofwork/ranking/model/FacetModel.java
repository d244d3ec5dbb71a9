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

    /** A review by a reviewer no refit has weighed, of a learner with no doubt about where their cohort sits. */
    public Update observe(Belief ability, Belief difficulty, Belief severity, double score) {
        return observe(ability, 0, difficulty, severity, score, null);
    }

    /**
     * @param placement the part of the ability's variance that is where the learner's cohort sits. Their review
     *        says how they did against this task, whose difficulty carries the same doubt about the cohort (the
     *        two cannot be told apart within it), so the review moves the rest of the ability and leaves this
     *        part as it is; an update that shrank it would grow surer of the cohort with every review of one.
     * @param score the review's weighted score on 0..1
     * @param reviewNoise the noise variance of this reviewer's scores as the last refit estimated it (an
     *        erratic reviewer's review moves the beliefs less), or null before any refit: the default noise
     */
    public Update observe(Belief ability, double placement, Belief difficulty, Belief severity, double score,
            Double reviewNoise) {
        Belief own = new Belief(ability.mean(), Math.max(0, ability.variance() - placement));
        double observed = latent(score);
        double predicted = ability.mean() - difficulty.mean() - severity.mean();
        double total = own.variance() + difficulty.variance() + severity.variance()
                + (reviewNoise == null ? noiseVariance : reviewNoise);
        double residual = observed - predicted;
        Belief moved = shift(own, residual, total, +1);
        return new Update(
                new Belief(moved.mean(), moved.variance() + ability.variance() - own.variance()),
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
