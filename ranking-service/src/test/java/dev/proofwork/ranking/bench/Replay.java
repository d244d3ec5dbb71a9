package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.BatchRefit.Observation;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.ranking.model.Priors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Plays a scenario's reviews in time order as the service does: each review updates the online model with
 * its reviewer's noise as last estimated, and a refit over everything seen so far replaces the state on a
 * schedule ({@code refitDays}), once {@code refitAfterReviews} new reviews have arrived, or once a task no
 * refit has seen has {@code newTaskReviews} (a new cohort, which the online step cannot place). A learner new
 * to the skill starts where the last refit put their first task's takers, and keeps the doubt about where
 * their cohort sits through their own reviews (as the service's facets do). Reviews scored by criteria are read
 * under the criterion weights the last refit learnt for their task (the rubric's weights before). Learners'
 * beliefs are read at the last review's day, decay included.
 */
final class Replay {

    record Estimate(Belief[] learners) {

        double[] means() {
            return Arrays.stream(learners).mapToDouble(Belief::mean).toArray();
        }

        double[] sigmas() {
            return Arrays.stream(learners).mapToDouble(Belief::sigma).toArray();
        }
    }

    private final double noise;
    private final double gamma;
    private final double refitDays;
    private final int refitAfterReviews;
    private final int newTaskReviews;

    /** @param refitDays days between scheduled refits; 0 for none, which leaves the online model alone */
    Replay(double noise, double gamma, double refitDays, int refitAfterReviews, int newTaskReviews) {
        this.noise = noise;
        this.gamma = gamma;
        this.refitDays = refitDays;
        this.refitAfterReviews = refitAfterReviews;
        this.newTaskReviews = newTaskReviews;
    }

    /** @param stepNanos collects the time of each online step, or null */
    Estimate play(Scenario s, List<Long> stepNanos) {
        FacetModel model = new FacetModel(noise);
        Belief[] learners = filled(s.learners(), Priors.LEARNER);
        double[] placements = new double[s.learners()];
        Belief[] tasks = filled(s.tasks(), Priors.TASK);
        Belief[] reviewers = filled(s.reviewers(), Priors.REVIEWER);
        double[] reviewerNoise = new double[s.reviewers()];
        Arrays.fill(reviewerNoise, noise * noise);
        double[] lastDay = new double[s.learners()];
        boolean[] reviewed = new boolean[s.learners()];
        List<Observation> seen = new ArrayList<>();
        List<Observation> inOrder = new ArrayList<>(s.observations());
        inOrder.sort(Comparator.comparingDouble(Observation::day));
        Belief[] takers = new Belief[s.tasks()];
        double[][] weights = new double[s.tasks()][];
        int[] unrefitted = new int[s.tasks()];
        boolean newTaskDue = false;
        double nextRefit = refitDays;
        int sinceRefit = 0;
        for (Observation o : inOrder) {
            if (refitDays > 0 && (o.day() >= nextRefit || sinceRefit >= refitAfterReviews || newTaskDue)) {
                weights = s.criterionWeights(seen);
                BatchRefit.Result refit = new BatchRefit(noise, gamma).fit(s.asRead(seen, weights), s.learners(),
                        s.anchorTasks(), s.reviewers());
                for (Observation e : seen) {
                    learners[e.learner()] = refit.learners()[e.learner()];
                    placements[e.learner()] = refit.placements()[e.learner()];
                    tasks[e.task()] = refit.tasks()[e.task()];
                    takers[e.task()] = refit.takers()[e.task()];
                    reviewers[e.reviewer()] = refit.reviewers()[e.reviewer()];
                    reviewerNoise[e.reviewer()] = refit.reviewerNoise()[e.reviewer()];
                }
                Arrays.fill(unrefitted, 0);
                newTaskDue = false;
                while (nextRefit <= o.day()) {
                    nextRefit += refitDays;
                }
                sinceRefit = 0;
            }
            long start = System.nanoTime();
            // a learner's doubt grows from their previous review on, as the service's facets do
            Belief learner = reviewed[o.learner()]
                    ? learners[o.learner()].decayed(gamma, o.day() - lastDay[o.learner()])
                    : Priors.newLearner(takers[o.task()], tasks[o.task()]);
            if (!reviewed[o.learner()]) {
                placements[o.learner()] = Priors.placement(takers[o.task()], tasks[o.task()]);
            }
            FacetModel.Update update = model.observe(learner, placements[o.learner()], tasks[o.task()],
                    reviewers[o.reviewer()],
                    s.scoreRead(o, weights), reviewerNoise[o.reviewer()]);
            if (stepNanos != null) {
                stepNanos.add(System.nanoTime() - start);
            }
            learners[o.learner()] = update.ability();
            lastDay[o.learner()] = Math.max(lastDay[o.learner()], o.day());
            reviewed[o.learner()] = true;
            tasks[o.task()] = update.difficulty();
            reviewers[o.reviewer()] = update.severity();
            seen.add(o);
            sinceRefit++;
            if (takers[o.task()] == null && ++unrefitted[o.task()] >= newTaskReviews) {
                newTaskDue = true;
            }
        }
        double end = inOrder.isEmpty() ? 0 : inOrder.get(inOrder.size() - 1).day();
        for (int l = 0; l < learners.length; l++) {
            learners[l] = learners[l].decayed(gamma, end - lastDay[l]);
        }
        return new Estimate(learners);
    }

    /** One refit over every review, read at the last review's day. */
    Estimate refitAll(Scenario s) {
        return read(s, refit(s));
    }

    BatchRefit.Result refit(Scenario s) {
        List<Observation> read = s.asRead(s.observations(), s.criterionWeights(s.observations()));
        return new BatchRefit(noise, gamma).fit(read, s.learners(), s.anchorTasks(), s.reviewers());
    }

    /** A refit's learners read at the last review's day: each one's doubt grown since their own latest review. */
    Estimate read(Scenario s, BatchRefit.Result refit) {
        double[] lastDay = new double[s.learners()];
        double end = 0;
        for (Observation o : s.observations()) {
            lastDay[o.learner()] = Math.max(lastDay[o.learner()], o.day());
            end = Math.max(end, o.day());
        }
        Belief[] learners = new Belief[s.learners()];
        for (int l = 0; l < learners.length; l++) {
            learners[l] = refit.learners()[l].decayed(gamma, end - lastDay[l]);
        }
        return new Estimate(learners);
    }

    private static Belief[] filled(int n, Belief prior) {
        Belief[] beliefs = new Belief[n];
        Arrays.fill(beliefs, prior);
        return beliefs;
    }
}
