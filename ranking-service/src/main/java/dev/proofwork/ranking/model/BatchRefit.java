package dev.proofwork.ranking.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Refits every facet of a skill at once from all its reviews, removing the arrival-order effects of the
 * online updates. It is the posterior mode of the same Gaussian model, solved as weighted regularised least
 * squares {@code (AᵀWA + Λ) x = AᵀWz} by conjugate gradient (an iteration is one pass over the reviews), with
 * one more facet than the online model has: each task's <em>takers</em>, how able the learners who take it
 * are on average. A learner's ability is their own deviation plus the average of their tasks' takers (anchor tasks aside), so a
 * whole cohort that is stronger than another is not explained away as easy tasks and lenient reviewers
 * (learners are many and independent a priori, so without it their shared part would be credited to the few
 * tasks and reviewers they share). The fit runs in a few rounds that learn from the residuals what the online
 * model has to assume:
 * <ul>
 * <li>how widely learners and reviewers vary, and how widely cohorts do: within a cohort the data cannot tell
 * a task's difficulty from its takers' strength, but the tasks' levels and the differences between tasks the
 * same learners took can (an analysis of variance);</li>
 * <li>each reviewer's own noise, shrunk towards the pooled noise: a reviewer who scores at random gets a
 * large one and so little weight, as does one whose floor and ceiling scores miss by more than others' do (top
 * scores for work the rest rates weak);</li>
 * <li>a Student-t weight per review: a review far from what the other evidence says (a reviewer inflating
 * one learner) counts less;</li>
 * <li>time, as the online model uses it: a learner's ability wanders by {@code gamma²} a day, so an old
 * review says less about their ability at their latest review than a recent one, and a learner's belief is
 * returned as of their latest review, for reads to decay from there.</li>
 * </ul>
 * Variances come from the full information matrix: a learner's interval includes what is unknown about the
 * tasks, reviewers and takers their score depends on, and how those unknowns move together. That block is
 * inverted densely up to {@value #DENSE_LIMIT} of them; beyond that their correlations are left out.
 */
public final class BatchRefit {

    /** One review: indexes of its learner, task and reviewer, its weighted score on 0..1 and its day. */
    public record Observation(int learner, int task, int reviewer, double score, double day) {
    }

    /**
     * Reviews as parallel arrays of primitives: how a service holds 400,000 of them in a small heap (about
     * 11 MB, where as many {@link Observation} objects take twice that).
     */
    public static final class Evidence {
        private int size;
        private int[] learner = new int[1024];
        private int[] task = new int[1024];
        private int[] reviewer = new int[1024];
        private double[] score = new double[1024];
        private double[] day = new double[1024];

        public static Evidence of(List<Observation> observations) {
            Evidence evidence = new Evidence();
            observations.forEach(o -> evidence.add(o.learner(), o.task(), o.reviewer(), o.score(), o.day()));
            return evidence;
        }

        public void add(int learner, int task, int reviewer, double score, double day) {
            if (size == this.learner.length) {
                int capacity = 2 * size;
                this.learner = Arrays.copyOf(this.learner, capacity);
                this.task = Arrays.copyOf(this.task, capacity);
                this.reviewer = Arrays.copyOf(this.reviewer, capacity);
                this.score = Arrays.copyOf(this.score, capacity);
                this.day = Arrays.copyOf(this.day, capacity);
            }
            this.learner[size] = learner;
            this.task[size] = task;
            this.reviewer[size] = reviewer;
            this.score[size] = score;
            this.day[size] = day;
            size++;
        }

        /** Replaces a review's score: once its criteria's weights are known, say. */
        public void rescore(int review, double score) {
            this.score[review] = score;
        }

        public int size() {
            return size;
        }
    }

    /**
     * @param learners each learner's belief as of the day of their latest review
     * @param placements the part of each learner's variance that is where their cohort sits (their tasks'
     *        takers), which reviews of their own after the refit do not shrink
     * @param takers how able each task's takers are on average (an anchor's are everyone: exactly zero): where
     *        a learner new to the skill starts, online, when their first task is one a refit has seen
     * @param reviewerNoise each reviewer's noise variance on the latent scale
     * @param noise the pooled noise variance of all reviews
     * @param iterations conjugate-gradient iterations over all rounds
     */
    public record Result(Belief[] learners, double[] placements, Belief[] tasks, Belief[] takers, Belief[] reviewers,
            double[] reviewerNoise, double noise, int iterations) {
    }

    private static final int ROUNDS = 6;
    /** How many reviews' worth the pooled noise counts for in one reviewer's estimate. */
    private static final double POOLED_NOISE_WEIGHT = 10;
    /** How many reviews' worth the configured noise counts for in the pooled noise. */
    private static final double CONFIGURED_NOISE_WEIGHT = 10;
    /** Degrees of freedom of the review noise's Student-t: 5 keeps Gaussian data almost fully weighted. */
    private static final double TAIL = 5;
    private static final double MIN_NOISE = 0.01;
    /** How many facets' worth the default prior counts for when learning how widely facets vary. */
    private static final double PRIOR_WEIGHT = 5;
    /** The least a learnt task difficulty spread may come to, so a few tasks alike cannot pin it at zero. */
    private static final double MIN_SPREAD = 0.02;
    static final int DENSE_LIMIT = 1500;

    private final double initialNoise;
    private final double gamma;

    /**
     * @param noiseSigma the noise sd each reviewer starts from
     * @param gamma how fast a learner's ability wanders, per square-root day
     */
    public BatchRefit(double noiseSigma, double gamma) {
        this.initialNoise = noiseSigma * noiseSigma;
        this.gamma = gamma;
    }

    /**
     * @param anchorTasks which tasks are anchors, taken in every cohort: their takers are everyone, so a
     *        learner's ability leans only on the takers of their other tasks
     */
    public Result fit(List<Observation> observations, int learners, boolean[] anchorTasks, int reviewers) {
        return fit(Evidence.of(observations), learners, anchorTasks, reviewers);
    }

    /** The same, from reviews held as primitives. */
    public Result fit(Evidence evidence, int learners, boolean[] anchorTasks, int reviewers) {
        int tasks = anchorTasks.length;
        Design d = new Design(evidence, learners, anchorTasks, reviewers, gamma);
        double[] reviewerNoise = new double[reviewers];
        Arrays.fill(reviewerNoise, initialNoise);
        double pooled = initialNoise;
        double[] robustness = new double[d.m];
        Arrays.fill(robustness, 1);
        // a review at the rubric's floor or ceiling says only "at most" or "at least": its working value and
        // the information it carries are those of a censored observation (Fisher scoring), others are as given
        double[] working = d.z.clone();
        double[] information = new double[d.m];
        Arrays.fill(information, 1);
        double[] x = new double[d.n];
        double[] weight = new double[d.m];
        double[] diagonal = new double[d.n];
        int iterations = 0;
        for (int round = 0; ; round++) {
            for (int i = 0; i < d.m; i++) {
                weight[i] = robustness[i] * information[i] / (reviewerNoise[d.reviewer[i]] + d.drift[i]);
            }
            double[] b = new double[d.n];
            System.arraycopy(d.prior, 0, diagonal, 0, d.n);
            for (int i = 0; i < d.m; i++) {
                for (int e = d.rowStart[i]; e < d.rowStart[i + 1]; e++) {
                    b[d.column[e]] += weight[i] * d.coefficient[e] * working[i];
                    diagonal[d.column[e]] += weight[i] * d.coefficient[e] * d.coefficient[e];
                }
            }
            iterations += conjugateGradient(d, weight, x, b, diagonal);
            if (round == ROUNDS - 1) {
                break;
            }
            // expected squared residual of each review (its mean's uncertainty included), robust weights from it;
            // a floor or ceiling review's is the expectation given that its score lay beyond the bound, so a top
            // score for work the rest rates weak (a colluder's for a friend) counts as a large miss. Counting each
            // such review as the noise already estimated instead fitted the noise to the interior scores alone,
            // whose misses are the small ones (a large miss ends at the floor or ceiling): 0.28 for a true 0.44
            double[] squares = new double[reviewers];
            double[] counts = new double[reviewers];
            double total = 0;
            int counted = 0;
            for (int i = 0; i < d.m; i++) {
                double predicted = 0;
                double uncertainty = 0;
                for (int e = d.rowStart[i]; e < d.rowStart[i + 1]; e++) {
                    predicted += d.coefficient[e] * x[d.column[e]];
                    uncertainty += d.coefficient[e] * d.coefficient[e] / diagonal[d.column[e]];
                }
                double scale = reviewerNoise[d.reviewer[i]] + d.drift[i];
                double expected;
                if (d.censored[i] != 0) {
                    Censored.Step step = Censored.step(predicted, Math.sqrt(scale), d.censored[i], d.bound);
                    working[i] = step.working();
                    information[i] = step.information();
                    expected = Censored.expectedSquare(predicted, Math.sqrt(scale), d.censored[i], d.bound)
                            + uncertainty;
                } else {
                    double residual = d.z[i] - predicted;
                    expected = residual * residual + uncertainty;
                    robustness[i] = (TAIL + 1) / (TAIL + expected / scale);
                }
                double share = robustness[i] * Math.max(expected - d.drift[i], 0);
                squares[d.reviewer[i]] += share;
                counts[d.reviewer[i]]++;
                total += share;
                counted++;
            }
            // a skill of a few reviews cannot tell noise from ability: its first residuals, uncertain predictions
            // included, would make every review look noise and leave each learner near the prior
            pooled = Math.max(MIN_NOISE,
                    (CONFIGURED_NOISE_WEIGHT * initialNoise + total) / (CONFIGURED_NOISE_WEIGHT + counted));
            for (int r = 0; r < reviewers; r++) {
                reviewerNoise[r] = Math.max(MIN_NOISE,
                        (POOLED_NOISE_WEIGHT * pooled + squares[r]) / (POOLED_NOISE_WEIGHT + counts[r]));
            }
            d.learnSpreads(x, diagonal);
        }
        // the spread around the mode: each review informs as much as it weighs in finding it. (The Student-t's
        // expected information, (ν+1)/(ν+3) of a Gaussian review's whatever the review, widened the intervals
        // of reviews as Gaussian as the scale says by a third.)
        double[] info = new double[d.m];
        double[] infoDiagonal = d.prior.clone();
        for (int i = 0; i < d.m; i++) {
            info[i] = robustness[i] * information[i] / (reviewerNoise[d.reviewer[i]] + d.drift[i]);
            for (int e = d.rowStart[i]; e < d.rowStart[i + 1]; e++) {
                infoDiagonal[d.column[e]] += info[i] * d.coefficient[e] * d.coefficient[e];
            }
        }
        Variances variances = new Variances(d, info, infoDiagonal);
        Belief[] learnerBeliefs = new Belief[learners];
        double[] placements = new double[learners];
        for (int l = 0; l < learners; l++) {
            double ability = x[l];
            double placement = 0;
            for (int e = d.takersStart[l]; e < d.takersStart[l + 1]; e++) {
                ability += x[d.takersColumn[e]] * d.takersShare[l];
                placement += d.takersShare[l] * d.takersShare[l] * variances.other(d.takersColumn[e] - learners);
            }
            learnerBeliefs[l] = new Belief(ability, variances.learner(l));
            placements[l] = Math.min(placement, learnerBeliefs[l].variance());
        }
        Belief[] taskBeliefs = new Belief[tasks];
        for (int t = 0; t < tasks; t++) {
            taskBeliefs[t] = new Belief(x[learners + t], variances.other(t));
        }
        Belief[] reviewerBeliefs = new Belief[reviewers];
        for (int r = 0; r < reviewers; r++) {
            reviewerBeliefs[r] = new Belief(x[learners + tasks + r], variances.other(tasks + r));
        }
        Belief[] takersBeliefs = new Belief[tasks];
        for (int t = 0; t < tasks; t++) {
            int cohort = d.cohortOf[t];
            takersBeliefs[t] = anchorTasks[t] ? new Belief(0, 0)
                    : new Belief(x[d.takersOffset + cohort], variances.other(tasks + reviewers + cohort));
        }
        return new Result(learnerBeliefs, placements, taskBeliefs, takersBeliefs, reviewerBeliefs, reviewerNoise,
                pooled, iterations);
    }

    /**
     * The reviews as sparse rows over one vector of learners' own deviations, then tasks, reviewers and
     * tasks' takers: {@code z = own(l) + mean of takers(t') over l's tasks t' − task(t) − reviewer(r)}.
     */
    private static final class Design {
        private static final Belief[] PRIORS = { Priors.LEARNER, Priors.TASK, Priors.REVIEWER, Priors.TAKERS };

        final int m;
        final int n;
        final int learners;
        final int tasks;
        final int reviewers;
        final int[] rowStart;
        final int[] column;
        final double[] coefficient;
        final int[] reviewer;
        final double[] z;
        /** +1 for a review at the rubric's ceiling, −1 at its floor, 0 in between. */
        final byte[] censored;
        /**
         * Where a floor or ceiling score begins on the latent scale, |z| beyond which it is censored: half a
         * step of the finest scale the skill's scores use inside the extremes (a 0..4 rubric: 1.5).
         */
        final double bound;
        /** Variance the learner's ability may have wandered from this review's day to their latest. */
        final double[] drift;
        final double[] prior;
        /** Per learner, the takers' columns of the tasks they took, each weighing {@code takersShare}. */
        final int[] takersStart;
        final int[] takersColumn;
        final double[] takersShare;
        final boolean[] anchor;
        final int takersOffset;
        /** Each task's cohort: the task whose takers' column stands for all of the cohort's tasks. */
        final int[] cohortOf;
        private double[] level;
        private double[] levelNoise;
        private double[] reviewerShare;
        private int[] pairs;
        private double cohortsEach;

        Design(Evidence evidence, int learners, boolean[] anchorTasks, int reviewers, double gamma) {
            int tasks = anchorTasks.length;
            this.m = evidence.size;
            this.n = learners + 2 * tasks + reviewers;
            this.learners = learners;
            this.tasks = tasks;
            this.reviewers = reviewers;
            this.anchor = anchorTasks;
            this.takersOffset = learners + tasks + reviewers;
            // which tasks other than anchors each learner took, once each
            int[][] taken = new int[learners][];
            int[] takenCount = new int[learners];
            double[] latest = new double[learners];
            Arrays.fill(latest, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < m; i++) {
                int l = evidence.learner[i];
                int task = evidence.task[i];
                if (taken[l] == null) {
                    taken[l] = new int[4];
                }
                if (!anchorTasks[task] && Arrays.stream(taken[l], 0, takenCount[l]).noneMatch(t -> t == task)) {
                    if (takenCount[l] == taken[l].length) {
                        taken[l] = Arrays.copyOf(taken[l], 2 * takenCount[l]);
                    }
                    taken[l][takenCount[l]++] = task;
                }
                latest[l] = Math.max(latest[l], evidence.day[i]);
            }
            cohortOf = cohorts(taken, takenCount);
            // per learner, the cohorts of their tasks, once each
            int[][] joined = new int[learners][];
            takersStart = new int[learners + 1];
            for (int l = 0; l < learners; l++) {
                joined[l] = Arrays.stream(taken[l] == null ? new int[0] : taken[l], 0, takenCount[l])
                        .map(t -> cohortOf[t]).distinct().toArray();
                takersStart[l + 1] = takersStart[l] + joined[l].length;
            }
            takersColumn = new int[takersStart[learners]];
            takersShare = new double[learners];
            for (int l = 0; l < learners; l++) {
                for (int k = 0; k < joined[l].length; k++) {
                    takersColumn[takersStart[l] + k] = takersOffset + joined[l][k];
                }
                takersShare[l] = joined[l].length == 0 ? 0 : 1.0 / joined[l].length;
            }
            rowStart = new int[m + 1];
            for (int i = 0; i < m; i++) {
                int l = evidence.learner[i];
                rowStart[i + 1] = rowStart[i] + 3 + takersStart[l + 1] - takersStart[l];
            }
            column = new int[rowStart[m]];
            coefficient = new double[rowStart[m]];
            reviewer = new int[m];
            z = new double[m];
            censored = new byte[m];
            drift = new double[m];
            for (int i = 0; i < m; i++) {
                int l = evidence.learner[i];
                double score = evidence.score[i];
                int e = rowStart[i];
                e = entry(e, l, 1);
                e = entry(e, learners + evidence.task[i], -1);
                e = entry(e, learners + tasks + evidence.reviewer[i], -1);
                for (int k = takersStart[l]; k < takersStart[l + 1]; k++) {
                    e = entry(e, takersColumn[k], takersShare[l]);
                }
                reviewer[i] = evidence.reviewer[i];
                z[i] = FacetModel.latent(score);
                censored[i] = (byte) (score <= 0 ? -1 : score >= 1 ? 1 : 0);
                drift[i] = gamma * gamma * (latest[l] - evidence.day[i]);
            }
            prior = new double[n];
            for (int j = 0; j < n; j++) {
                prior[j] = 1 / PRIORS[group(j)].variance();
            }
            bound = FacetModel.latent(1) - finestStep(evidence) / 2;
            describeTasks(evidence, taken, takenCount);
            learnTaskSplit();
        }

        /** The smallest gap between two different scores, on the latent scale, within sensible limits. */
        private static double finestStep(Evidence evidence) {
            double[] scores = Arrays.stream(evidence.score, 0, evidence.size).distinct().sorted().toArray();
            double step = 1;
            for (int k = 1; k < scores.length; k++) {
                step = Math.min(step, FacetModel.latent(scores[k]) - FacetModel.latent(scores[k - 1]));
            }
            return Math.max(0.1, step);
        }

        /**
         * Tasks taken by mostly the same learners (the benchmark's two tasks a cohort, say) are one cohort with one
         * takers' strength: what an anchor task says about its takers then holds for all of that cohort's tasks.
         * Each task is its own cohort otherwise. Returns each task's cohort, as the index of one of its tasks.
         */
        private int[] cohorts(int[][] taken, int[] takenCount) {
            int[] takers = new int[tasks];
            Map<Long, Integer> shared = new HashMap<>();
            for (int l = 0; l < learners; l++) {
                for (int a = 0; a < takenCount[l]; a++) {
                    takers[taken[l][a]]++;
                    for (int b = a + 1; b < takenCount[l]; b++) {
                        int ta = Math.min(taken[l][a], taken[l][b]);
                        int tb = Math.max(taken[l][a], taken[l][b]);
                        shared.merge((long) ta * tasks + tb, 1, Integer::sum);
                    }
                }
            }
            int[] root = IntStream.range(0, tasks).toArray();
            shared.forEach((pair, both) -> {
                int ta = (int) (pair / tasks);
                int tb = (int) (pair % tasks);
                // most of either task's takers took the other as well
                if (2 * both >= takers[ta] + takers[tb] - both) {
                    root[find(root, ta)] = find(root, tb);
                }
            });
            for (int t = 0; t < tasks; t++) {
                root[t] = find(root, t);
            }
            return root;
        }

        private static int find(int[] root, int t) {
            while (root[t] != t) {
                root[t] = root[root[t]];
                t = root[t];
            }
            return t;
        }

        private int entry(int e, int col, double value) {
            column[e] = col;
            coefficient[e] = value;
            return e + 1;
        }

        static final int TASKS = 1;
        static final int TAKERS_GROUP = 3;

        /** 0 learners' own deviations, 1 tasks, 2 reviewers, 3 tasks' takers. */
        int group(int j) {
            return j < learners ? 0 : j < learners + tasks ? 1 : j < learners + tasks + reviewers ? 2 : 3;
        }

        /**
         * How widely learners and reviewers really vary, from the current estimates, shrunk towards the
         * default with {@value #PRIOR_WEIGHT} facets' worth of weight; then how a task's level splits into its
         * takers' strength and its own difficulty.
         */
        void learnSpreads(double[] x, double[] diagonal) {
            double[] sums = new double[PRIORS.length];
            int[] counts = new int[PRIORS.length];
            for (int j = 0; j < n; j++) {
                sums[group(j)] += x[j] * x[j] + 1 / diagonal[j];
                counts[group(j)]++;
            }
            for (int j = 0; j < n; j++) {
                int g = group(j);
                if (g == TASKS || g == TAKERS_GROUP) {
                    continue;
                }
                prior[j] = (PRIOR_WEIGHT + counts[g]) / (PRIOR_WEIGHT * PRIORS[g].variance() + sums[g]);
            }
            learnTaskSplit();
        }

        /**
         * Within a cohort the data cannot tell a task's difficulty from its takers' strength, but they do tell
         * each task's level (the mean of its scores: takers' strength minus difficulty minus its reviewers'
         * severity), and how two tasks the same learners took differ, which is difficulty alone. So, as an
         * analysis of variance would: the difficulty spread from those differences, the takers' from what the
         * levels vary beyond it and beyond their reviewers, each net of its sampling noise and shrunk towards
         * its default. (Learnt from the posterior, as the other spreads are, the split stays where the start put
         * it.) Tasks keep their default prior: a learnt one narrowed the intervals under 0.85 coverage.
         */
        private void learnTaskSplit() {
            double reviewerSpread = reviewers == 0 ? 0 : 1 / prior[learners + tasks];
            double grand = 0;
            int leveled = 0;
            for (int t = 0; t < tasks; t++) {
                if (levelNoise[t] >= 0) {
                    grand += level[t];
                    leveled++;
                }
            }
            grand /= Math.max(1, leveled);
            double levels = 0;
            for (int t = 0; t < tasks; t++) {
                if (levelNoise[t] >= 0) {
                    double deviation = level[t] - grand;
                    levels += deviation * deviation - levelNoise[t] - reviewerShare[t] * reviewerSpread;
                }
            }
            double differences = 0;
            for (int p = 0; p < pairs.length; p += 2) {
                double gap = level[pairs[p]] - level[pairs[p + 1]];
                differences += (gap * gap - levelNoise[pairs[p]] - levelNoise[pairs[p + 1]]) / 2;
            }
            double difficulty = Math.max(MIN_SPREAD, (PRIOR_WEIGHT * Priors.TASK.variance() + differences)
                    / (PRIOR_WEIGHT + pairs.length / 2));
            double total = (PRIOR_WEIGHT * (Priors.TASK.variance() + Priors.TAKERS.variance()) + levels)
                    / (PRIOR_WEIGHT + Math.max(0, leveled - 1));
            // never below the default: the difference of two noisy figures often comes out near zero by chance in
            // cohorts that are as far apart as the default says, and too small a spread credits a strong cohort
            // to easy tasks, the error the takers are there to prevent
            double strength = Math.max(Priors.TAKERS.variance(), total - difficulty);
            for (int t = 0; t < tasks; t++) {
                // a learner's cohort part averages the takers of their cohorts: each one's vary that much more
                prior[takersOffset + t] = 1 / (cohortsEach * strength);
            }
        }

        /**
         * Per task other than anchors, the mean of its latent scores (floor and ceiling read as censored), that
         * mean's sampling variance and how much of it one reviewer's severity makes (the sum of squared reviewer
         * shares); -1 noise for tasks left out.
         * Then each pair of tasks some learner took both of, once, and in how many cohorts a learner took tasks
         * other than anchors, on average.
         */
        private void describeTasks(Evidence evidence, int[][] taken, int[] takenCount) {
            level = new double[tasks];
            levelNoise = new double[tasks];
            reviewerShare = new double[tasks];
            int[] count = new int[tasks];
            Map<Long, Integer> byReviewer = new HashMap<>();
            for (int i = 0; i < m; i++) {
                int t = evidence.task[i];
                count[t]++;
                byReviewer.merge((long) t * reviewers + evidence.reviewer[i], 1, Integer::sum);
            }
            byReviewer.forEach((key, reviews) -> {
                int t = (int) (key / reviewers);
                reviewerShare[t] += (double) reviews * reviews / ((double) count[t] * count[t]);
            });
            // each task's reviews, one run of indexes per task
            int[] start = new int[tasks + 1];
            for (int t = 0; t < tasks; t++) {
                start[t + 1] = start[t] + count[t];
            }
            int[] byTask = new int[m];
            int[] cursor = Arrays.copyOf(start, tasks);
            for (int i = 0; i < m; i++) {
                byTask[cursor[evidence.task[i]]++] = i;
            }
            for (int t = 0; t < tasks; t++) {
                if (anchor[t] || count[t] < 2) {
                    levelNoise[t] = -1;
                    continue;
                }
                // floor and ceiling scores read as censored, as the fit reads them: far-apart cohorts pile up at
                // the ends, and plain means would make them look closer together than they are
                Censored.Mean mean = Censored.mean(z, censored, byTask, start[t], start[t + 1], bound);
                level[t] = mean.mean();
                levelNoise[t] = mean.variance();
            }
            Set<Long> seen = new HashSet<>();
            int[] found = new int[16];
            int size = 0;
            double takenTotal = 0;
            int takers = 0;
            for (int l = 0; l < learners; l++) {
                int cohorts = takersStart[l + 1] - takersStart[l];
                if (cohorts > 0) {
                    takenTotal += cohorts;
                    takers++;
                }
                for (int a = 0; a < takenCount[l]; a++) {
                    for (int b = a + 1; b < takenCount[l]; b++) {
                        int ta = Math.min(taken[l][a], taken[l][b]);
                        int tb = Math.max(taken[l][a], taken[l][b]);
                        if (levelNoise[ta] >= 0 && levelNoise[tb] >= 0 && seen.add((long) ta * tasks + tb)) {
                            if (size + 2 > found.length) {
                                found = Arrays.copyOf(found, 2 * found.length);
                            }
                            found[size++] = ta;
                            found[size++] = tb;
                        }
                    }
                }
            }
            pairs = Arrays.copyOf(found, size);
            cohortsEach = takers == 0 ? 1 : takenTotal / takers;
        }
    }

    /**
     * Marginal variances from the full precision matrix H. Learners' own deviations are independent of each
     * other given everything else (O: tasks, reviewers, takers), so with the Schur complement
     * {@code S = H_OO − H_OL H_LL⁻¹ H_LO}, Var(O) = S⁻¹ and, for a learner's ability {@code own + c·O}:
     * {@code Var = 1/H_ll + g S⁻¹ gᵀ} with {@code g = c − h_lO / H_ll}.
     */
    private static final class Variances {
        private final Design d;
        private final double[] diagonal;
        /** Per learner, the tasks, reviewers and takers their reviews touch and H_lo for each, packed in one array. */
        private final int[] start;
        private final int[] neighbours;
        private final double[] couplings;
        private final double[][] inverse;
        private final double[] otherVariance;

        Variances(Design d, double[] weight, double[] diagonal) {
            this.d = d;
            this.diagonal = diagonal;
            int k = d.n - d.learners;
            // each learner's reviews, then H_lo for their own deviation: Σ over them of w · 1 · coefficient(o)
            int[] rowsStart = new int[d.learners + 1];
            for (int i = 0; i < d.m; i++) {
                rowsStart[d.column[d.rowStart[i]] + 1]++;
            }
            for (int l = 0; l < d.learners; l++) {
                rowsStart[l + 1] += rowsStart[l];
            }
            int[] rows = new int[d.m];
            int[] cursor = Arrays.copyOf(rowsStart, d.learners);
            for (int i = 0; i < d.m; i++) {
                rows[cursor[d.column[d.rowStart[i]]]++] = i;
            }
            start = new int[d.learners + 1];
            int[] keys = new int[4 * d.learners + 16];
            double[] values = new double[keys.length];
            int size = 0;
            for (int l = 0; l < d.learners; l++) {
                start[l] = size;
                for (int p = rowsStart[l]; p < rowsStart[l + 1]; p++) {
                    int i = rows[p];
                    for (int e = d.rowStart[i] + 1; e < d.rowStart[i + 1]; e++) {
                        int o = d.column[e] - d.learners;
                        int at = start[l];
                        while (at < size && keys[at] != o) {
                            at++;
                        }
                        if (at == size) {
                            if (size == keys.length) {
                                keys = Arrays.copyOf(keys, 2 * size);
                                values = Arrays.copyOf(values, 2 * size);
                            }
                            keys[size] = o;
                            values[size++] = 0;
                        }
                        values[at] += weight[i] * d.coefficient[e];
                    }
                }
            }
            start[d.learners] = size;
            neighbours = Arrays.copyOf(keys, size);
            couplings = Arrays.copyOf(values, size);
            otherVariance = new double[k];
            if (k <= DENSE_LIMIT) {
                double[][] s = new double[k][k];
                for (int o = 0; o < k; o++) {
                    s[o][o] = d.prior[d.learners + o];
                }
                for (int i = 0; i < d.m; i++) {
                    for (int a = d.rowStart[i] + 1; a < d.rowStart[i + 1]; a++) {
                        for (int b = d.rowStart[i] + 1; b < d.rowStart[i + 1]; b++) {
                            s[d.column[a] - d.learners][d.column[b] - d.learners] += weight[i] * d.coefficient[a]
                                    * d.coefficient[b];
                        }
                    }
                }
                for (int l = 0; l < d.learners; l++) {
                    for (int a = start[l]; a < start[l + 1]; a++) {
                        for (int b = start[l]; b < start[l + 1]; b++) {
                            s[neighbours[a]][neighbours[b]] -= couplings[a] * couplings[b] / diagonal[l];
                        }
                    }
                }
                inverse = SymmetricInverse.of(s);
                for (int o = 0; o < k; o++) {
                    otherVariance[o] = inverse[o][o];
                }
            } else {
                inverse = null;
                double[] s = new double[k];
                for (int o = 0; o < k; o++) {
                    s[o] = diagonal[d.learners + o];
                }
                for (int l = 0; l < d.learners; l++) {
                    for (int a = start[l]; a < start[l + 1]; a++) {
                        s[neighbours[a]] -= couplings[a] * couplings[a] / diagonal[l];
                    }
                }
                for (int o = 0; o < k; o++) {
                    otherVariance[o] = 1 / s[o];
                }
            }
        }

        /** Variance of own(l) + the average of l's tasks' takers. */
        double learner(int l) {
            int first = start[l];
            int size = start[l + 1] - first;
            double[] g = new double[size];
            for (int a = 0; a < size; a++) {
                g[a] = -couplings[first + a] / diagonal[l];
                int col = neighbours[first + a] + d.learners;
                for (int e = d.takersStart[l]; e < d.takersStart[l + 1]; e++) {
                    if (d.takersColumn[e] == col) {
                        g[a] += d.takersShare[l];
                    }
                }
            }
            double spread = 0;
            for (int a = 0; a < size; a++) {
                if (inverse == null) {
                    spread += g[a] * g[a] * otherVariance[neighbours[first + a]];
                } else {
                    double[] row = inverse[neighbours[first + a]];
                    for (int b = 0; b < size; b++) {
                        spread += g[a] * g[b] * row[neighbours[first + b]];
                    }
                }
            }
            return 1 / diagonal[l] + spread;
        }

        double other(int o) {
            return otherVariance[o];
        }

    }

    /** Jacobi-preconditioned CG from the current x until the residual falls 1e-8 below the right-hand side. */
    private static int conjugateGradient(Design d, double[] weight, double[] x, double[] b, double[] diagonal) {
        int n = x.length;
        double[] r = new double[n];
        multiply(d, weight, x, r);
        for (int j = 0; j < n; j++) {
            r[j] = b[j] - r[j];
        }
        double[] zr = new double[n];
        for (int j = 0; j < n; j++) {
            zr[j] = r[j] / diagonal[j];
        }
        double[] p = zr.clone();
        double rz = dot(r, zr);
        double stop = 1e-16 * Math.max(dot(b, b), 1e-300);
        double[] hp = new double[n];
        int iteration = 0;
        while (iteration < 1000 && dot(r, r) > stop) {
            multiply(d, weight, p, hp);
            double alpha = rz / dot(p, hp);
            for (int j = 0; j < n; j++) {
                x[j] += alpha * p[j];
                r[j] -= alpha * hp[j];
                zr[j] = r[j] / diagonal[j];
            }
            double next = dot(r, zr);
            double beta = next / rz;
            rz = next;
            for (int j = 0; j < n; j++) {
                p[j] = zr[j] + beta * p[j];
            }
            iteration++;
        }
        return iteration;
    }

    /** out = (AᵀWA + Λ) v, without forming the matrix. */
    private static void multiply(Design d, double[] weight, double[] v, double[] out) {
        for (int j = 0; j < v.length; j++) {
            out[j] = d.prior[j] * v[j];
        }
        for (int i = 0; i < d.m; i++) {
            double predicted = 0;
            for (int e = d.rowStart[i]; e < d.rowStart[i + 1]; e++) {
                predicted += d.coefficient[e] * v[d.column[e]];
            }
            double weighted = predicted * weight[i];
            for (int e = d.rowStart[i]; e < d.rowStart[i + 1]; e++) {
                out[d.column[e]] += weighted * d.coefficient[e];
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
