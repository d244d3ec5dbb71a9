package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.model.BatchRefit.Observation;
import dev.proofwork.ranking.model.CriterionWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A synthetic marketplace with known truth: learners with a per-cohort offset, tasks with difficulty,
 * reviewers with severity, ordinal 0..4 rubric scores from 1-3 reviewers per submission; cohorts linked
 * by one anchor task taken in every cohort and by reviewers who roam across cohorts.
 *
 * @param observations each review with its score as the rubric weighs it (what the raw mean averages)
 * @param criteria where reviews score each criterion of a rubric ({@link Scale#CRITERIA}), each review's
 *        scores criterion by criterion, of {@link #CRITERION_MAXIMA}; otherwise empty
 */
public record Scenario(List<Observation> observations, double[] ability, double[] taskDifficulty,
        double[] reviewerSeverity, int[] cohortOf, int learners, boolean[] anchorTasks, int reviewers,
        Map<Observation, int[]> criteria) {

    /** Every task's rubric under {@link Scale#CRITERIA}: three criteria scored 0..4, weighted 0.4, 0.3, 0.3. */
    static final int[] CRITERION_MAXIMA = { 4, 4, 4 };
    private static final List<String> CRITERION_KEYS = List.of("communication", "tests", "design");
    private static final double[] RUBRIC_WEIGHTS = { 0.4, 0.3, 0.3 };
    /**
     * How erratically each criterion is judged, beyond the review's shared noise: the first as loosely as a
     * criterion like "communication" is, the second as tightly as one like "tests pass".
     */
    private static final double[] CRITERION_NOISE = { 1.0, 0.3, 0.6 };

    Scenario(List<Observation> observations, double[] ability, double[] taskDifficulty, double[] reviewerSeverity,
            int[] cohortOf, int learners, boolean[] anchorTasks, int reviewers) {
        this(observations, ability, taskDifficulty, reviewerSeverity, cohortOf, learners, anchorTasks, reviewers,
                Map.of());
    }

    public int tasks() {
        return anchorTasks.length;
    }

    /** Who reviews: everyone honest, or one of the ways reviewers go wrong. */
    public enum Reviewers {
        /** Severities spread normally around zero. */
        HONEST,
        /** Half the reviewers harsh, half lenient, by about a standard deviation of ability each way. */
        HARSH_AND_LENIENT,
        /** One roaming reviewer gives uniformly random scores. */
        ONE_RANDOM,
        /** One reviewer adds a top score to every submission of five friends in their cohort. */
        ONE_COLLUDING
    }

    /** How reviewers' judgements become rubric scores. */
    public enum Scale {
        /** 0..4, cut at evenly spaced points of the latent scale. */
        EVEN,
        /**
         * 0..10 through a logistic curve: steps near the middle are narrow and the extremes rare, as on a rubric
         * where reviewers shy away from the ends. The model's linear reading of scores does not fit it.
         */
        LOGISTIC,
        /**
         * Three criteria scored 0..4 each, judged with noise of their own beyond the review's, and weighted by the
         * rubric without regard to how reliably each is judged: the most erratic carries the most weight.
         */
        CRITERIA
    }

    /**
     * @param anchorLearners how many of each cohort's learners take the anchor task, which links the cohorts
     * @param months how long the marketplace runs; cohorts are spread over it
     * @param driftSdPerYear how fast abilities change: each learner's slope, sd per year
     */
    public record Parameters(int cohorts, int learnersPerCohort, int tasksPerLearner, int anchorLearners,
            double cohortSd, double taskSd, double reviewerSd, double noiseSd, int roamingReviewers,
            int reviewersPerCohort, double months, double driftSdPerYear, Reviewers reviewers, Scale scale) {

        /** 20 cohorts of 50 over six months, two tasks each, three anchor takers and two roaming reviewers a cohort. */
        public static Parameters standard() {
            return new Parameters(20, 50, 2, 3, 0.5, 0.7, 0.5, 0.6, 2, 3, 6, 0, Reviewers.HONEST, Scale.EVEN);
        }

        public Parameters withCohorts(int count, int learnersEach, int reviewersEach, int roaming, int anchors) {
            return new Parameters(count, learnersEach, tasksPerLearner, anchors, cohortSd, taskSd, reviewerSd, noiseSd,
                    roaming, reviewersEach, months, driftSdPerYear, reviewers, scale);
        }

        public Parameters withSpread(double cohortSd, double taskSd, double reviewerSd, double noiseSd) {
            return new Parameters(cohorts, learnersPerCohort, tasksPerLearner, anchorLearners, cohortSd, taskSd,
                    reviewerSd, noiseSd, roamingReviewers, reviewersPerCohort, months, driftSdPerYear, reviewers, scale);
        }

        public Parameters withTasks(int tasksEach) {
            return new Parameters(cohorts, learnersPerCohort, tasksEach, anchorLearners, cohortSd, taskSd, reviewerSd,
                    noiseSd, roamingReviewers, reviewersPerCohort, months, driftSdPerYear, reviewers, scale);
        }

        public Parameters withTime(double months, double driftSdPerYear) {
            return new Parameters(cohorts, learnersPerCohort, tasksPerLearner, anchorLearners, cohortSd, taskSd,
                    reviewerSd, noiseSd, roamingReviewers, reviewersPerCohort, months, driftSdPerYear, reviewers, scale);
        }

        public Parameters with(Scale scale) {
            return new Parameters(cohorts, learnersPerCohort, tasksPerLearner, anchorLearners, cohortSd, taskSd, reviewerSd,
                    noiseSd, roamingReviewers, reviewersPerCohort, months, driftSdPerYear, reviewers, scale);
        }

        public Parameters with(Reviewers reviewers) {
            return new Parameters(cohorts, learnersPerCohort, tasksPerLearner, anchorLearners, cohortSd, taskSd,
                    reviewerSd, noiseSd, roamingReviewers, reviewersPerCohort, months, driftSdPerYear, reviewers, scale);
        }
    }

    /**
     * Reviews spread over {@code months}; each learner's ability drifts linearly (slope sd per year), and the
     * truth reported is the ability at the end, which is what a ranking read today should reflect.
     */
    public static Scenario generate(Parameters p, long seed) {
        Random random = new Random(seed);
        int learners = p.cohorts() * p.learnersPerCohort();
        // each cohort has its own tasks, plus one anchor task (index 0) every cohort takes
        int tasks = 1 + p.cohorts() * p.tasksPerLearner();
        int reviewers = p.cohorts() * p.reviewersPerCohort() + p.roamingReviewers();
        double[] ability = new double[learners];
        int[] cohortOf = new int[learners];
        double[] offsets = IntStream.range(0, p.cohorts()).mapToDouble(c -> p.cohortSd() * random.nextGaussian()).toArray();
        for (int l = 0; l < learners; l++) {
            cohortOf[l] = l / p.learnersPerCohort();
            ability[l] = offsets[cohortOf[l]] + random.nextGaussian();
        }
        double[] difficulty = IntStream.range(0, tasks).mapToDouble(t -> p.taskSd() * random.nextGaussian()).toArray();
        double[] severity = IntStream.range(0, reviewers).mapToDouble(r -> p.reviewers() == Reviewers.HARSH_AND_LENIENT
                ? (r % 2 == 0 ? 0.8 : -0.8) + 0.3 * random.nextGaussian()
                : p.reviewerSd() * random.nextGaussian()).toArray();
        int erratic = p.reviewers() == Reviewers.ONE_RANDOM && p.roamingReviewers() > 0 ? reviewers - 1 : -1;
        double span = p.months() * 30.4;
        double[] slope = IntStream.range(0, learners).mapToDouble(l -> p.driftSdPerYear() * random.nextGaussian() / 365)
                .toArray();
        List<Observation> observations = new ArrayList<>();
        Map<Observation, int[]> criteria = new IdentityHashMap<>();
        for (int l = 0; l < learners; l++) {
            int cohort = cohortOf[l];
            // a cohort runs at one point in the period; its learners' work falls within a week of it
            double cohortDay = span * cohort / Math.max(1, p.cohorts() - 1);
            // the colluder is cohort 0's first reviewer; the friends are learners who take no anchor task
            boolean befriended = p.reviewers() == Reviewers.ONE_COLLUDING && cohort == 0
                    && l >= p.anchorLearners() && l < p.anchorLearners() + 5;
            for (int k = 0; k < p.tasksPerLearner(); k++) {
                // the cohort's first learners take the anchor task instead of their first own task
                int task = (k == 0 && l % p.learnersPerCohort() < p.anchorLearners()) ? 0
                        : 1 + cohort * p.tasksPerLearner() + k;
                double day = Math.min(span, cohortDay + 7 * random.nextDouble());
                double then = ability[l] + slope[l] * (day - span);
                int reviews = 1 + random.nextInt(3);
                for (int v = 0; v < reviews; v++) {
                    int reviewer = v == 0 && p.roamingReviewers() > 0 && random.nextDouble() < 0.2
                            ? p.cohorts() * p.reviewersPerCohort() + random.nextInt(p.roamingReviewers())
                            : cohort * p.reviewersPerCohort() + random.nextInt(p.reviewersPerCohort());
                    boolean byCriteria = p.scale() == Scale.CRITERIA;
                    // by criteria, part of the noise is the review's and the rest each criterion's own
                    double latent = then - difficulty[task] - severity[reviewer]
                            + (byCriteria ? 0.7 : 1) * p.noiseSd() * random.nextGaussian();
                    if (byCriteria) {
                        int[] scores = new int[CRITERION_MAXIMA.length];
                        double weighted = 0;
                        for (int c = 0; c < scores.length; c++) {
                            scores[c] = reviewer == erratic ? random.nextInt(CRITERION_MAXIMA[c] + 1)
                                    : ordinal(latent + CRITERION_NOISE[c] * random.nextGaussian());
                            weighted += RUBRIC_WEIGHTS[c] * scores[c] / CRITERION_MAXIMA[c];
                        }
                        Observation review = new Observation(l, task, reviewer, weighted, day);
                        observations.add(review);
                        criteria.put(review, scores);
                        continue;
                    }
                    int top = p.scale() == Scale.EVEN ? 4 : 10;
                    int score = reviewer == erratic ? random.nextInt(top + 1)
                            : p.scale() == Scale.EVEN ? ordinal(latent) : logistic(latent);
                    observations.add(new Observation(l, task, reviewer, (double) score / top, day));
                }
                if (befriended) {
                    observations.add(new Observation(l, task, 0, 1, day));
                }
            }
        }
        boolean[] anchorTasks = new boolean[tasks];
        anchorTasks[0] = true;
        return new Scenario(observations, ability, difficulty, severity, cohortOf, learners, anchorTasks, reviewers,
                criteria);
    }

    /**
     * The reviews as the model reads them: scored by criteria, each review's composite under its task's weights
     * (see {@link #criterionWeights}); otherwise as they are.
     */
    List<Observation> asRead(List<Observation> reviews, double[][] weights) {
        if (criteria.isEmpty()) {
            return reviews;
        }
        return reviews.stream().map(o -> new Observation(o.learner(), o.task(), o.reviewer(), scoreRead(o, weights),
                o.day())).toList();
    }

    /** One review's score as the model reads it: its composite where its task has weights, else the rubric's. */
    double scoreRead(Observation review, double[][] weights) {
        int[] scores = criteria.get(review);
        return scores == null || weights[review.task()] == null ? review.score()
                : CriterionWeights.score(weights[review.task()], scores, 0);
    }

    /** Each task's criterion weights learnt from the given reviews; null for a task they do not include. */
    double[][] criterionWeights(List<Observation> reviews) {
        double[][] weights = new double[tasks()][];
        if (criteria.isEmpty()) {
            return weights;
        }
        Map<Integer, IntStream.Builder> byTask = new HashMap<>();
        for (Observation o : reviews) {
            if (criteria.containsKey(o)) {
                IntStream.Builder scores = byTask.computeIfAbsent(o.task(), t -> IntStream.builder());
                Arrays.stream(criteria.get(o)).forEach(scores::add);
            }
        }
        List<Integer> scored = List.copyOf(byTask.keySet());
        List<double[]> learnt = CriterionWeights.learn(scored.stream().map(task -> new CriterionWeights.Task(
                CRITERION_KEYS, CRITERION_MAXIMA, byTask.get(task).build().toArray())).toList());
        for (int t = 0; t < scored.size(); t++) {
            weights[scored.get(t)] = learnt.get(t);
        }
        return weights;
    }

    /** A 0..4 rubric score: the latent value cut at fixed thresholds. */
    static int ordinal(double latent) {
        double[] cuts = { -1.5, -0.5, 0.5, 1.5 };
        int score = 0;
        for (double cut : cuts) {
            if (latent > cut) {
                score++;
            }
        }
        return score;
    }

    /** A 0..10 rubric score: the latent value through a logistic curve, rounded. */
    static int logistic(double latent) {
        return (int) Math.round(10 / (1 + Math.exp(-1.3 * latent)));
    }

    /** Kendall's tau-a on a sample of at most {@code maxPairs} pairs, so it stays cheap at 100,000 learners. */
    public static double kendall(double[] a, double[] b, long maxPairs, Random random) {
        int n = a.length;
        long total = (long) n * (n - 1) / 2;
        long concordant = 0;
        long counted = 0;
        if (total <= maxPairs) {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    concordant += Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]) > 0 ? 1 : 0;
                    counted += Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]) != 0 ? 1 : 0;
                }
            }
        } else {
            for (long k = 0; k < maxPairs; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n);
                double s = Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]);
                concordant += s > 0 ? 1 : 0;
                counted += s != 0 ? 1 : 0;
            }
        }
        return counted == 0 ? 0 : (2.0 * concordant - counted) / counted;
    }

    /** Of the truly best 10%, the share the estimate also puts in its top 10%. */
    public static double topDecilePrecision(double[] truth, double[] estimate) {
        int k = Math.max(1, truth.length / 10);
        Integer[] byTruth = order(truth);
        Integer[] byEstimate = order(estimate);
        java.util.Set<Integer> best = new java.util.HashSet<>(Arrays.asList(byTruth).subList(0, k));
        long hits = Arrays.stream(byEstimate, 0, k).filter(best::contains).count();
        return (double) hits / k;
    }

    private static Integer[] order(double[] values) {
        Integer[] index = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(index, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
        return index;
    }
}
