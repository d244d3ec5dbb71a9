package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.model.BatchRefit.Observation;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.FacetModel;
import dev.proofwork.testkit.Ranks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Ranking quality and cost against ground truth, beside the raw-mean and per-cohort-percentile baselines.
 * Run: {@code ./mvnw -q -pl ranking-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.proofwork.ranking.bench.RankingBenchmark -Dexec.args="--seeds 5"}.
 */
public final class RankingBenchmark {

    private static final Belief LEARNER = new Belief(0, 1);
    private static final Belief TASK = new Belief(0, 0.49);
    private static final Belief REVIEWER = new Belief(0, 0.25);

    private RankingBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = flags(args);
        double noise = decimal(flags, "model-noise-sd", 0.6);
        double gamma = decimal(flags, "gamma", 0.05);
        if (flags.containsKey("reviews-csv")) {
            rankCsv(flags, noise, gamma);
            return;
        }
        Scenario.Parameters standard = new Scenario.Parameters(
                integer(flags, "cohorts", 20), integer(flags, "learners-per-cohort", 50), integer(flags, "tasks", 2),
                decimal(flags, "cohort-sd", 0.5), decimal(flags, "task-sd", 0.7), decimal(flags, "reviewer-sd", 0.5),
                decimal(flags, "noise-sd", 0.6), integer(flags, "roaming", 2), integer(flags, "reviewers-per-cohort", 3),
                decimal(flags, "months", 6), decimal(flags, "drift-sd", 0));
        int seeds = integer(flags, "seeds", 5);
        System.out.printf(Locale.ROOT, "scenario %s, %d seeds%n%n", standard, seeds);
        System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "method", "spearman", "kendall", "top10%", "cover90");
        Map<String, double[]> totals = new HashMap<>();
        List<Long> updateNanos = new ArrayList<>();
        for (int seed = 1; seed <= seeds; seed++) {
            Scenario s = Scenario.generate(standard, seed);
            Estimate online = online(s, noise, gamma, updateNanos);
            BatchRefit.Result refit = new BatchRefit(noise, LEARNER, TASK, REVIEWER).fit(s.observations(), s.learners(),
                    s.tasks(), s.reviewers());
            add(totals, "facets online", metrics(s, online.mean, online.sigma, seed));
            add(totals, "facets refit", metrics(s, means(refit.learners()), sigmas(refit.learners()), seed));
            double[] raw = rawMean(s);
            add(totals, "raw mean score", metrics(s, raw, null, seed));
            add(totals, "per-cohort percentile", metrics(s, cohortPercentile(s, raw), null, seed));
        }
        for (String method : List.of("facets online", "facets refit", "raw mean score", "per-cohort percentile")) {
            double[] t = totals.get(method);
            System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %9s%n", method, t[0] / seeds, t[1] / seeds,
                    t[2] / seeds, Double.isNaN(t[3]) ? "-" : String.format(Locale.ROOT, "%.3f", t[3] / seeds));
        }
        Collections.sort(updateNanos);
        System.out.printf(Locale.ROOT, "%nonline update (model step, in memory): p50 %.2f us, p99 %.2f us over %d updates%n",
                updateNanos.get(updateNanos.size() / 2) / 1000.0,
                updateNanos.get((int) (updateNanos.size() * 0.99)) / 1000.0, updateNanos.size());
        System.out.printf(Locale.ROOT, "%n%10s %10s %10s %10s %12s%n", "learners", "reviews", "refit s", "iterations",
                "heap MB");
        for (String size : flags.getOrDefault("scale-learners", "1000,10000,100000").split(",")) {
            int learners = Integer.parseInt(size.trim());
            Scenario s = Scenario.generate(new Scenario.Parameters(Math.max(1, learners / 50), 50, standard.tasksPerLearner(),
                    standard.cohortSd(), standard.taskSd(), standard.reviewerSd(), standard.noiseSd(),
                    Math.max(2, learners / 500), standard.reviewersPerCohort(), standard.months(),
                    standard.driftSdPerYear()), 1);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            BatchRefit.Result refit = new BatchRefit(noise, LEARNER, TASK, REVIEWER).fit(s.observations(), s.learners(),
                    s.tasks(), s.reviewers());
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "%10d %10d %10.2f %10d %12.1f%n", s.learners(), s.observations().size(),
                    seconds, refit.iterations(), Math.max(after, before) / 1e6);
        }
    }

    private record Estimate(double[] mean, double[] sigma) {
    }

    /** Reviews in time order; a learner's doubt grows by gamma² a day between their reviews, and up to the end. */
    private static Estimate online(Scenario s, double noise, double gamma, List<Long> nanos) {
        FacetModel model = new FacetModel(noise);
        Belief[] learners = filled(s.learners(), LEARNER);
        Belief[] tasks = filled(s.tasks(), TASK);
        Belief[] reviewers = filled(s.reviewers(), REVIEWER);
        double[] lastDay = new double[s.learners()];
        Integer[] order = java.util.stream.IntStream.range(0, s.observations().size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, java.util.Comparator.comparingDouble(i -> s.days()[i]));
        double end = 0;
        for (int i : order) {
            Observation o = s.observations().get(i);
            double day = s.days()[i];
            end = Math.max(end, day);
            long start = System.nanoTime();
            Belief learner = learners[o.learner()].decayed(gamma, day - lastDay[o.learner()]);
            FacetModel.Update update = model.observe(learner, tasks[o.task()], reviewers[o.reviewer()], o.score());
            nanos.add(System.nanoTime() - start);
            learners[o.learner()] = update.ability();
            lastDay[o.learner()] = day;
            tasks[o.task()] = update.difficulty();
            reviewers[o.reviewer()] = update.severity();
        }
        for (int l = 0; l < learners.length; l++) {
            learners[l] = learners[l].decayed(gamma, end - lastDay[l]);
        }
        return new Estimate(means(learners), sigmas(learners));
    }

    private static void rankCsv(Map<String, String> flags, double noise, double gamma) {
        try {
            Scenario s = CsvDataset.read(java.nio.file.Path.of(flags.get("reviews-csv")),
                    flags.containsKey("truth-csv") ? java.nio.file.Path.of(flags.get("truth-csv")) : null,
                    decimal(flags, "max-score", 1));
            Estimate online = online(s, noise, gamma, new ArrayList<>());
            BatchRefit.Result refit = new BatchRefit(noise, LEARNER, TASK, REVIEWER).fit(s.observations(), s.learners(),
                    s.tasks(), s.reviewers());
            System.out.printf(Locale.ROOT, "%d learners, %d tasks, %d reviewers, %d reviews%n", s.learners(), s.tasks(),
                    s.reviewers(), s.observations().size());
            if (Arrays.stream(s.ability()).noneMatch(Double::isNaN)) {
                System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "method", "spearman", "kendall", "top10%",
                        "cover90");
                print("facets online", metrics(s, online.mean, online.sigma, 1));
                print("facets refit", metrics(s, means(refit.learners()), sigmas(refit.learners()), 1));
                double[] raw = rawMean(s);
                print("raw mean score", metrics(s, raw, null, 1));
                print("per-cohort percentile", metrics(s, cohortPercentile(s, raw), null, 1));
            }
            java.nio.file.Path out = java.nio.file.Path.of(flags.getOrDefault("estimates-out", "estimates.csv"));
            CsvDataset.write(out, s, refit.learners());
            System.out.printf(Locale.ROOT, "wrote the refit's estimates to %s%n", out.toAbsolutePath());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(String method, double[] m) {
        System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %9s%n", method, m[0], m[1], m[2],
                Double.isNaN(m[3]) ? "-" : String.format(Locale.ROOT, "%.3f", m[3]));
    }

    /** spearman, kendall, top-decile precision, and 90% interval coverage once the model's scale is aligned to the truth's. */
    private static double[] metrics(Scenario s, double[] estimate, double[] sigma, long seed) {
        double coverage = Double.NaN;
        if (sigma != null) {
            double[] fit = affine(estimate, s.ability());
            int inside = 0;
            for (int l = 0; l < estimate.length; l++) {
                double centre = fit[0] * estimate[l] + fit[1];
                if (Math.abs(s.ability()[l] - centre) <= 1.645 * Math.abs(fit[0]) * sigma[l]) {
                    inside++;
                }
            }
            coverage = (double) inside / estimate.length;
        }
        return new double[] { Ranks.spearman(s.ability(), estimate),
                Scenario.kendall(s.ability(), estimate, 2_000_000, new Random(seed)),
                Scenario.topDecilePrecision(s.ability(), estimate), coverage };
    }

    /** Least-squares a, b with truth ≈ a·estimate + b: the model's latent scale is not the generator's. */
    private static double[] affine(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double a = sxy / sxx;
        return new double[] { a, my - a * mx };
    }

    private static double[] rawMean(Scenario s) {
        double[] sum = new double[s.learners()];
        int[] count = new int[s.learners()];
        for (Observation o : s.observations()) {
            sum[o.learner()] += o.score();
            count[o.learner()]++;
        }
        for (int l = 0; l < sum.length; l++) {
            sum[l] = count[l] == 0 ? 0 : sum[l] / count[l];
        }
        return sum;
    }

    private static double[] cohortPercentile(Scenario s, double[] raw) {
        double[] percentile = new double[raw.length];
        for (int l = 0; l < raw.length; l++) {
            int below = 0;
            int members = 0;
            for (int m = 0; m < raw.length; m++) {
                if (s.cohortOf()[m] == s.cohortOf()[l]) {
                    members++;
                    below += raw[m] < raw[l] ? 1 : 0;
                }
            }
            percentile[l] = (double) below / members;
        }
        return percentile;
    }

    private static Belief[] filled(int n, Belief prior) {
        Belief[] beliefs = new Belief[n];
        Arrays.fill(beliefs, prior);
        return beliefs;
    }

    private static double[] means(Belief[] beliefs) {
        return Arrays.stream(beliefs).mapToDouble(Belief::mean).toArray();
    }

    private static double[] sigmas(Belief[] beliefs) {
        return Arrays.stream(beliefs).mapToDouble(Belief::sigma).toArray();
    }

    private static void add(Map<String, double[]> totals, String method, double[] values) {
        double[] t = totals.computeIfAbsent(method, k -> new double[4]);
        for (int i = 0; i < 4; i++) {
            t[i] += values[i];
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            flags.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return flags;
    }

    private static int integer(Map<String, String> flags, String name, int fallback) {
        return flags.containsKey(name) ? Integer.parseInt(flags.get(name)) : fallback;
    }

    private static double decimal(Map<String, String> flags, String name, double fallback) {
        return flags.containsKey(name) ? Double.parseDouble(flags.get(name)) : fallback;
    }
}
