package dev.proofwork.ranking.model;

/**
 * The number a learner and an employer see: a conservative estimate, {@code mu - 2*sigma}, mapped onto
 * 0..1000 by {@code 500 + 150 * (mu - 2*sigma)}, clamped. A learner known to be average with certainty
 * scores 500; every unit of doubt costs 300 points, so a score is only as high as the evidence behind it.
 */
public final class PublishedScore {

    static final double CENTRE = 500;
    static final double SCALE = 150;

    private PublishedScore() {
    }

    public static int of(Belief ability) {
        double conservative = ability.mean() - 2 * ability.sigma();
        return (int) Math.round(Math.max(0, Math.min(1000, CENTRE + SCALE * conservative)));
    }

    /**
     * Days until decay alone takes the published score below {@code threshold}, or 0 if it already is:
     * solves {@code mu - 2*sqrt(variance + gamma²*t) = (threshold - 500) / 150} for t.
     */
    public static double daysAboveThreshold(Belief ability, double gamma, int threshold) {
        double floor = (threshold - CENTRE) / SCALE;
        double allowedSigma = (ability.mean() - floor) / 2;
        if (allowedSigma <= ability.sigma()) {
            return 0;
        }
        return (allowedSigma * allowedSigma - ability.variance()) / (gamma * gamma);
    }
}
