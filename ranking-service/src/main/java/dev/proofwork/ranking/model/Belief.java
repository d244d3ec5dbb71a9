package dev.proofwork.ranking.model;

/** A Gaussian belief about one facet on the latent scale: mean and variance. */
public record Belief(double mean, double variance) {

    public double sigma() {
        return Math.sqrt(variance);
    }

    /** Uncertainty grows while no evidence arrives: variance += gamma² per day. */
    public Belief decayed(double gamma, double days) {
        return days <= 0 ? this : new Belief(mean, variance + gamma * gamma * days);
    }
}
