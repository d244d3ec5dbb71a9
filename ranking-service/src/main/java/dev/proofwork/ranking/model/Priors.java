package dev.proofwork.ranking.model;

/**
 * What the model believes before any evidence, on the latent scale: learners vary most, tasks less,
 * reviewers least. The same priors serve the online updates, the refit and the benchmark.
 */
public final class Priors {

    public static final Belief LEARNER = new Belief(0, 1);
    public static final Belief TASK = new Belief(0, 0.49);
    public static final Belief REVIEWER = new Belief(0, 0.25);
    /**
     * A cohort's strength: how far the average ability of a task's takers may sit from everyone's, at least,
     * before any evidence. Within one cohort, strong takers and an easy task look the same; only anchor tasks
     * and roaming reviewers tell them apart, so this spread decides much of the split where links are few.
     * The refit raises it where the tasks' levels vary more than their difficulties explain (cohorts far apart).
     */
    public static final Belief TAKERS = new Belief(0, 0.25);
    /**
     * Where a cohort no refit has placed yet sits, as far as its own reviews can tell: they fix its strength
     * less its task's difficulty, so of the strength's prior spread the part the difficulty's could explain
     * stays unknown however many of its learners are reviewed.
     */
    public static final double UNPLACED = TAKERS.variance() * TASK.variance() / (TAKERS.variance() + TASK.variance());

    private Priors() {
    }

    /**
     * A learner new to the skill: as able as the takers of their first task were on average at the last refit
     * (a cohort far above the rest starts there instead of at everyone's average), or as anyone, for a task no
     * refit has seen yet or an anchor task everyone takes; with the doubt about where their cohort sits
     * ({@link #placement}) on top of anyone's.
     */
    public static Belief newLearner(Belief takers, Belief task) {
        return new Belief(takers == null ? 0 : takers.mean(), LEARNER.variance() + placement(takers, task));
    }

    /**
     * The part of a new learner's doubt that is where their cohort sits, which their own reviews do not shrink:
     * the takers' doubt as the last refit left it; or, for a task no refit has placed, what its difficulty has
     * come to look surer of than {@link #UNPLACED} allows, learnt from others of the cohort (a task no one has
     * taken yet carries all its doubt in its own variance).
     */
    public static double placement(Belief takers, Belief task) {
        return takers != null ? takers.variance() : Math.max(0, UNPLACED - task.variance());
    }
}
