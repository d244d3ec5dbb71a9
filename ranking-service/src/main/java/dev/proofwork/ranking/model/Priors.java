package dev.proofwork.ranking.model;

/**
 * What the model believes before any evidence, on the latent scale: learners vary most, tasks less,
 * reviewers least. The same priors serve the online updates, the refit and the benchmark.
 */
public final class Priors {

    public static final Belief LEARNER = new Belief(0, 1);
    public static final Belief TASK = new Belief(0, 0.49);
    public static final Belief REVIEWER = new Belief(0, 0.25);

    private Priors() {
    }

    /**
     * A learner new to the skill: as able as the takers of their first task were on average at the last refit
     * (a cohort far above the rest starts there instead of at everyone's average), or as anyone, for a task no
     * refit has seen yet or an anchor task everyone takes.
     */
    public static Belief newLearner(Belief takers) {
        return takers == null ? LEARNER : new Belief(takers.mean(), LEARNER.variance() + takers.variance());
    }
}
