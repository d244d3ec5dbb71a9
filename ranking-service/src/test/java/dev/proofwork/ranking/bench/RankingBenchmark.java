package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.bench.Scenario.Parameters;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.BatchRefit.Observation;
import dev.proofwork.testkit.Ranks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Ranking quality and cost against ground truth, on every scenario family, beside the raw-mean and
 * per-cohort-percentile baselines. Run: {@code ./mvnw -q -pl ranking-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.proofwork.ranking.bench.RankingBenchmark
 * -Dexec.args="--seeds 5"}.
 */
public final class RankingBenchmark {

    /**
     * Online alone, one refit at the end, and what the service serves (online between scheduled refits), all
     * read at the end with decay; the refit also read as of each learner's latest review, which is the
     * posterior's own honesty before the decay policy widens it; and the two baselines.
     */
    private static final List<String> METHODS = List.of("facets online", "facets refit", "facets served",
            "refit, no decay", "raw mean score", "per-cohort percentile");

    private RankingBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> flags = flags(args);
        double noise = decimal(flags, "model-noise-sd", 0.6);
        double gamma = decimal(flags, "gamma", 0.05);
        Replay served = new Replay(noise, gamma, decimal(flags, "refit-days", 1),
                integer(flags, "refit-after-reviews", 500), integer(flags, "refit-new-task-reviews", 50));
        Replay online = new Replay(noise, gamma, 0, 0, 0);
        if (flags.containsKey("reviews-csv")) {
            rankCsv(flags, online, served);
            return;
        }
        Parameters d = Parameters.standard();
        Parameters standard = new Parameters(integer(flags, "cohorts", d.cohorts()),
                integer(flags, "learners-per-cohort", d.learnersPerCohort()), integer(flags, "tasks", d.tasksPerLearner()),
                integer(flags, "anchors", d.anchorLearners()), decimal(flags, "cohort-sd", d.cohortSd()),
                decimal(flags, "task-sd", d.taskSd()), decimal(flags, "reviewer-sd", d.reviewerSd()),
                decimal(flags, "noise-sd", d.noiseSd()), integer(flags, "roaming", d.roamingReviewers()),
                integer(flags, "reviewers-per-cohort", d.reviewersPerCohort()), decimal(flags, "months", d.months()),
                decimal(flags, "drift-sd", d.driftSdPerYear()), d.reviewers(), d.scale());
        int seeds = integer(flags, "seeds", 5);
        Map<String, Parameters> families = Families.from(standard);
        if (flags.containsKey("family")) {
            List<String> chosen = List.of(flags.get("family").split(","));
            chosen.stream().filter(family -> !families.containsKey(family)).findFirst().ifPresent(family -> {
                throw new IllegalArgumentException("unknown family " + family + "; the families are "
                        + String.join(", ", families.keySet()));
            });
            families.keySet().retainAll(chosen);
        }
        System.out.printf(Locale.ROOT, "standard: %s; %d seeds each; served = online updates with a refit every %s days, "
                + "after %s reviews or once a new task has %s%n", standard, seeds, flags.getOrDefault("refit-days", "1"),
                flags.getOrDefault("refit-after-reviews", "500"), flags.getOrDefault("refit-new-task-reviews", "50"));
        List<Long> stepNanos = new ArrayList<>();
        Map<String, Map<String, double[]>> byFamily = new LinkedHashMap<>();
        for (Map.Entry<String, Parameters> family : families.entrySet()) {
            Map<String, double[]> totals = new LinkedHashMap<>();
            for (int seed = 1; seed <= seeds; seed++) {
                Scenario s = Scenario.generate(family.getValue(), seed);
                Replay.Estimate onlineEstimate = online.play(s, stepNanos);
                BatchRefit.Result fitted = online.refit(s);
                Replay.Estimate refit = online.read(s, fitted);
                Replay.Estimate servedEstimate = served.play(s, null);
                double[] raw = rawMean(s);
                double[] truth = s.ability();
                add(totals, "facets online", metrics(truth, onlineEstimate.means(), onlineEstimate.sigmas(), seed));
                add(totals, "facets refit", metrics(truth, refit.means(), refit.sigmas(), seed));
                add(totals, "refit, no decay", metrics(truth, Arrays.stream(fitted.learners()).mapToDouble(b -> b.mean())
                        .toArray(), Arrays.stream(fitted.learners()).mapToDouble(b -> b.sigma()).toArray(), seed));
                add(totals, "facets served", metrics(truth, servedEstimate.means(), servedEstimate.sigmas(), seed));
                Placement placement = placement(s, fitted);
                add(totals, "cohort placement", placement.measures());
                add(totals, "refit, cohorts exact", metrics(truth, placement.placed(), null, seed));
                add(totals, "raw mean score", metrics(truth, raw, null, seed));
                add(totals, "per-cohort percentile", metrics(truth, cohortPercentile(s, raw), null, seed));
            }
            totals.values().forEach(t -> Arrays.setAll(t, i -> t[i] / seeds));
            byFamily.put(family.getKey(), totals);
            System.out.printf(Locale.ROOT, "%n%s: %s%n", family.getKey(), family.getValue());
            System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "method", "spearman", "kendall", "top10%", "cover90");
            METHODS.forEach(method -> print(method, totals.get(method)));
        }
        summary(byFamily);
        placementSummary(byFamily);
        Path chart = Path.of(flags.getOrDefault("chart", "target/ranking-benchmark.svg"));
        try {
            FamilyChart.write(chart, byFamily);
            System.out.printf(Locale.ROOT, "%nchart: %s%n", chart.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(stepNanos);
        System.out.printf(Locale.ROOT, "%nonline update (model step, in memory): p50 %.2f us, p99 %.2f us over %d updates%n",
                stepNanos.get(stepNanos.size() / 2) / 1000.0, stepNanos.get((int) (stepNanos.size() * 0.99)) / 1000.0,
                stepNanos.size());
        scale(flags.getOrDefault("scale-learners", "1000,10000,100000"), standard, noise, gamma);
    }

    /** One line per family: what is served against the raw mean, and whether the intervals hold. */
    private static void summary(Map<String, Map<String, double[]>> byFamily) {
        System.out.printf(Locale.ROOT, "%nsummary (spearman; 90%% interval coverage)%n");
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %9s %9s %9s %9s%n", "family", "served", "raw", "gain",
                "refit", "cover on", "cover ref", "cover srv", "cover fit");
        byFamily.forEach((family, t) -> System.out.printf(Locale.ROOT,
                "%-20s %8.3f %8.3f %+8.3f %8.3f %9.3f %9.3f %9.3f %9.3f%n", family, t.get("facets served")[0],
                t.get("raw mean score")[0], t.get("facets served")[0] - t.get("raw mean score")[0],
                t.get("facets refit")[0], t.get("facets online")[3], t.get("facets refit")[3],
                t.get("facets served")[3], t.get("refit, no decay")[3]));
    }

    /**
     * Where the refit's error lies: how far each cohort as a whole sits from where the truth puts it, how far
     * the refit itself says a cohort's strength may be off, and the Spearman the same estimates reach once
     * each cohort's own error is taken out, which is what perfect links between cohorts would give.
     */
    private static void placementSummary(Map<String, Map<String, double[]>> byFamily) {
        System.out.printf(Locale.ROOT, "%nwhere the refit's errors lie (before decay, on the truth's scale)%n");
        System.out.printf(Locale.ROOT, "%-20s %12s %12s %22s%n", "family", "cohort error", "refit's sd",
                "spearman, cohorts exact");
        byFamily.forEach((family, t) -> System.out.printf(Locale.ROOT, "%-20s %12.3f %12.3f %22.3f%n", family,
                t.get("cohort placement")[0], t.get("cohort placement")[1], t.get("refit, cohorts exact")[0]));
    }

    /**
     * @param measures the root mean square of each true cohort's average error and the refit's own sd of its
     *        cohorts' takers (root mean square), as a benchmark figure
     * @param placed the refit's estimates on the truth's scale with each cohort's average error removed
     */
    private record Placement(double[] measures, double[] placed) {
    }

    private static Placement placement(Scenario s, BatchRefit.Result fitted) {
        double[] mu = Arrays.stream(fitted.learners()).mapToDouble(b -> b.mean()).toArray();
        double[] fit = affine(mu, s.ability());
        int cohorts = Arrays.stream(s.cohortOf()).max().orElse(0) + 1;
        double[] error = new double[cohorts];
        int[] members = new int[cohorts];
        for (int l = 0; l < s.learners(); l++) {
            error[s.cohortOf()[l]] += fit[0] * mu[l] + fit[1] - s.ability()[l];
            members[s.cohortOf()[l]]++;
        }
        double[] takers = new double[cohorts];
        for (Observation o : s.observations()) {
            if (!s.anchorTasks()[o.task()]) {
                takers[s.cohortOf()[o.learner()]] = fitted.takers()[o.task()].variance();
            }
        }
        double squares = 0;
        for (int c = 0; c < cohorts; c++) {
            error[c] /= Math.max(1, members[c]);
            squares += error[c] * error[c];
        }
        double[] placed = new double[s.learners()];
        for (int l = 0; l < s.learners(); l++) {
            placed[l] = fit[0] * mu[l] + fit[1] - error[s.cohortOf()[l]];
        }
        return new Placement(new double[] { Math.sqrt(squares / cohorts),
                Math.abs(fit[0]) * Math.sqrt(Arrays.stream(takers).average().orElse(0)), Double.NaN, Double.NaN }, placed);
    }

    /** The refit alone, in memory, at growing sizes of the standard marketplace. */
    private static void scale(String sizes, Parameters standard, double noise, double gamma) {
        if (sizes.equals("none")) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n%10s %10s %10s %10s %12s %9s %9s%n", "learners", "reviews", "refit s",
                "iterations", "heap MB", "spearman", "cover90");
        for (String size : sizes.split(",")) {
            int learners = Integer.parseInt(size.trim());
            Scenario s = Scenario.generate(standard.withCohorts(Math.max(1, learners / 50), 50,
                    standard.reviewersPerCohort(), Math.max(2, learners / 500), standard.anchorLearners()), 1);
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long before = runtime.totalMemory() - runtime.freeMemory();
            long start = System.nanoTime();
            BatchRefit.Result refit = new BatchRefit(noise, gamma).fit(s.observations(), s.learners(), s.anchorTasks(),
                    s.reviewers());
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = runtime.totalMemory() - runtime.freeMemory();
            Replay.Estimate read = new Replay(noise, gamma, 0, 0, 0).read(s, refit);
            double[] quality = metrics(s.ability(), read.means(), read.sigmas(), 1);
            System.out.printf(Locale.ROOT, "%10d %10d %10.2f %10d %12.1f %9.3f %9.3f%n", s.learners(),
                    s.observations().size(), seconds, refit.iterations(), Math.max(after, before) / 1e6, quality[0],
                    quality[3]);
        }
    }

    private static void rankCsv(Map<String, String> flags, Replay online, Replay served) {
        try {
            Path reviews = Path.of(flags.get("reviews-csv"));
            double[] seen = CsvDataset.scoreRange(reviews);
            double lowest = decimal(flags, "min-score", seen[0]);
            double highest = decimal(flags, "max-score", seen[1]);
            Scenario s = CsvDataset.read(reviews, flags.containsKey("truth-csv") ? Path.of(flags.get("truth-csv")) : null,
                    lowest, highest);
            Replay.Estimate servedEstimate = served.play(s, null);
            System.out.printf(Locale.ROOT, "%d learners, %d tasks, %d reviewers, %d reviews, scores on %s..%s%s%n",
                    s.learners(), s.tasks(), s.reviewers(), s.observations().size(), decimalText(lowest),
                    decimalText(highest), flags.containsKey("min-score") && flags.containsKey("max-score") ? ""
                            : " (as the file shows them; --min-score and --max-score set them)");
            // the figures are over the learners the truth file names; a learner it leaves out is still ranked
            int[] known = IntStream.range(0, s.learners()).filter(l -> !Double.isNaN(s.ability()[l])).toArray();
            if (known.length > 0) {
                if (known.length < s.learners()) {
                    System.out.printf(Locale.ROOT, "truth for %d of the %d learners: the figures are over those%n",
                            known.length, s.learners());
                }
                Replay.Estimate onlineEstimate = online.play(s, null);
                Replay.Estimate refit = online.refitAll(s);
                double[] raw = rawMean(s);
                double[] truth = only(s.ability(), known);
                System.out.printf(Locale.ROOT, "%-22s %9s %9s %9s %9s%n", "method", "spearman", "kendall", "top10%",
                        "cover90");
                print("facets online", metrics(truth, only(onlineEstimate.means(), known),
                        only(onlineEstimate.sigmas(), known), 1));
                print("facets refit", metrics(truth, only(refit.means(), known), only(refit.sigmas(), known), 1));
                print("facets served", metrics(truth, only(servedEstimate.means(), known),
                        only(servedEstimate.sigmas(), known), 1));
                print("raw mean score", metrics(truth, only(raw, known), null, 1));
                print("per-cohort percentile", metrics(truth, only(cohortPercentile(s, raw), known), null, 1));
            }
            Path out = Path.of(flags.getOrDefault("estimates-out", "estimates.csv"));
            CsvDataset.write(out, s, servedEstimate.learners());
            System.out.printf(Locale.ROOT, "wrote the served estimates to %s%n", out.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] only(double[] values, int[] indexes) {
        return Arrays.stream(indexes).mapToDouble(i -> values[i]).toArray();
    }

    private static String decimalText(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void print(String method, double[] m) {
        System.out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %9s%n", method, m[0], m[1], m[2],
                Double.isNaN(m[3]) ? "-" : String.format(Locale.ROOT, "%.3f", m[3]));
    }

    /** spearman, kendall, top-decile precision, and 90% interval coverage once the model's scale is aligned to the truth's. */
    private static double[] metrics(double[] truth, double[] estimate, double[] sigma, long seed) {
        double coverage = sigma == null ? Double.NaN : coverage90(truth, estimate, sigma);
        return new double[] { Ranks.spearman(truth, estimate),
                Scenario.kendall(truth, estimate, 2_000_000, new Random(seed)),
                Scenario.topDecilePrecision(truth, estimate), coverage };
    }

    /**
     * The share of true abilities inside the 90% intervals {@code mu ± 1.645·sigma}, once the model's scale is
     * aligned to the truth's.
     */
    public static double coverage90(double[] truth, double[] mu, double[] sigma) {
        double[] fit = affine(mu, truth);
        int inside = 0;
        for (int l = 0; l < mu.length; l++) {
            if (Math.abs(truth[l] - (fit[0] * mu[l] + fit[1])) <= 1.645 * Math.abs(fit[0]) * sigma[l]) {
                inside++;
            }
        }
        return (double) inside / mu.length;
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

    private static void add(Map<String, double[]> totals, String method, double[] values) {
        double[] t = totals.computeIfAbsent(method, k -> new double[4]);
        for (int i = 0; i < 4; i++) {
            t[i] += values[i];
        }
    }

    /** Every flag the benchmark reads: a misspelt one (--seed for --seeds) is refused, not silently ignored. */
    private static final List<String> FLAGS = List.of("seeds", "family", "chart", "scale-learners", "model-noise-sd",
            "gamma", "refit-days", "refit-after-reviews", "refit-new-task-reviews", "cohorts", "learners-per-cohort",
            "tasks", "anchors", "cohort-sd", "task-sd", "reviewer-sd", "noise-sd", "roaming", "reviewers-per-cohort",
            "months", "drift-sd", "reviews-csv", "truth-csv", "estimates-out", "min-score", "max-score");

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown flag " + args[i] + "; the flags are --"
                        + String.join(", --", FLAGS));
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            flags.put(name, args[i + 1]);
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
