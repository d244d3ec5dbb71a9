package dev.proofwork.ranking.bench;

import dev.proofwork.ranking.model.BatchRefit.Observation;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.PublishedScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Any dataset, ranked without code changes: reviews from a CSV with the header
 * {@code learner,cohort,task,reviewer,score,timestamp} (columns in any order, fields may be quoted; scores from
 * the rubric's floor to its ceiling; timestamp an ISO-8601 instant, with or without an offset, or epoch
 * seconds or milliseconds), an optional truth CSV {@code learner,ability}, and the estimates written back as
 * {@code learner,mu,sigma,published_score,comparable}.
 */
final class CsvDataset {

    private CsvDataset() {
    }

    /** Reviews' scores run from {@code lowest} (the rubric's floor) to {@code highest} (its ceiling). */
    static Scenario read(Path reviews, Path truth, double lowest, double highest) throws IOException {
        if (!(highest > lowest)) {
            throw new IllegalArgumentException("scores must run from a floor to a higher ceiling, not from " + lowest
                    + " to " + highest);
        }
        Map<String, Integer> learners = new LinkedHashMap<>();
        Map<String, Integer> tasks = new LinkedHashMap<>();
        Map<String, Integer> reviewers = new LinkedHashMap<>();
        Map<String, Integer> cohorts = new LinkedHashMap<>();
        Map<Integer, Integer> cohortOfLearner = new LinkedHashMap<>();
        List<int[]> facets = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        List<String> lines = Files.readAllLines(reviews);
        int[] column = columns(lines.getFirst(), REVIEW_COLUMNS);
        int width = Arrays.stream(column).max().orElse(0) + 1;
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] f = fields(lines.get(n));
            String where = where(reviews, n);
            if (f.length < width) {
                throw new IllegalArgumentException(where + " has too few fields for its header");
            }
            scores.add(number(f[column[4]], where, "score"));
            try {
                times.add(instant(f[column[5]]));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(where + ": timestamp \"" + f[column[5]]
                        + "\" is neither an ISO-8601 date-time nor a number of epoch seconds or milliseconds");
            }
            int learner = index(learners, f[column[0]]);
            cohortOfLearner.putIfAbsent(learner, index(cohorts, f[column[1]]));
            facets.add(new int[] { learner, index(tasks, f[column[2]]), index(reviewers, f[column[3]]) });
        }
        Instant first = times.stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        List<Observation> observations = new ArrayList<>(facets.size());
        for (int i = 0; i < facets.size(); i++) {
            int[] facet = facets.get(i);
            double score = (scores.get(i) - lowest) / (highest - lowest);
            observations.add(new Observation(facet[0], facet[1], facet[2], score,
                    Duration.between(first, times.get(i)).toMillis() / 86_400_000.0));
        }
        double[] ability = new double[learners.size()];
        Arrays.fill(ability, Double.NaN);
        if (truth != null) {
            List<String> truthLines = Files.readAllLines(truth);
            int[] truthColumn = columns(truthLines.getFirst(), List.of("learner", "ability"));
            for (int n = 1; n < truthLines.size(); n++) {
                if (truthLines.get(n).isBlank()) {
                    continue;
                }
                String[] f = fields(truthLines.get(n));
                if (f.length <= Math.max(truthColumn[0], truthColumn[1])) {
                    throw new IllegalArgumentException(where(truth, n) + " has too few fields for its header");
                }
                Integer learner = learners.get(f[truthColumn[0]]);
                if (learner != null) {
                    ability[learner] = number(f[truthColumn[1]], where(truth, n), "ability");
                }
            }
        }
        int[] cohortOf = new int[learners.size()];
        cohortOfLearner.forEach((learner, cohort) -> cohortOf[learner] = cohort);
        Scenario scenario = new Scenario(observations, ability, new double[tasks.size()],
                new double[reviewers.size()], cohortOf, learners.size(), anchors(observations, cohortOf, tasks.size()),
                reviewers.size());
        NAMES.put(scenario, learners.keySet().toArray(String[]::new));
        return scenario;
    }

    /**
     * The rubric's floor and ceiling as the data show them, for a file read without {@code --min-score} or
     * {@code --max-score}: 0..1 where every score is a fraction, otherwise the smallest and the largest score (a
     * 1..5 scale starts at 1: read from 0, its lowest answer would count as a point above the floor, not as it).
     */
    static double[] scoreRange(Path reviews) throws IOException {
        List<String> lines = Files.readAllLines(reviews);
        int score = columns(lines.getFirst(), REVIEW_COLUMNS)[4];
        DoubleSummaryStatistics scores = IntStream.range(1, lines.size()).filter(n -> !lines.get(n).isBlank())
                .mapToDouble(n -> {
                    String[] f = fields(lines.get(n));
                    return f.length > score ? number(f[score], where(reviews, n), "score") : Double.NaN;
                }).filter(value -> !Double.isNaN(value)).summaryStatistics();
        boolean fractions = scores.getCount() == 0 || scores.getMin() >= 0 && scores.getMax() <= 1;
        return fractions ? new double[] { 0, 1 } : new double[] { scores.getMin(), scores.getMax() };
    }

    /** A task taken in more than one cohort is an anchor: its takers are no cohort of their own. */
    private static boolean[] anchors(List<Observation> observations, int[] cohortOf, int tasks) {
        int[] firstCohort = new int[tasks];
        Arrays.fill(firstCohort, -1);
        boolean[] anchor = new boolean[tasks];
        for (Observation o : observations) {
            int cohort = cohortOf[o.learner()];
            if (firstCohort[o.task()] < 0) {
                firstCohort[o.task()] = cohort;
            } else if (firstCohort[o.task()] != cohort) {
                anchor[o.task()] = true;
            }
        }
        return anchor;
    }

    private static final List<String> REVIEW_COLUMNS = List.of("learner", "cohort", "task", "reviewer", "score",
            "timestamp");

    /** A line of a file as a person finds it in an editor: {@code reviews.csv line 17} for index 16. */
    private static String where(Path file, int index) {
        return file.getFileName() + " line " + (index + 1);
    }

    private static double number(String text, String where, String field) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + " \"" + text + "\" is not a number");
        }
    }

    /** Where each named column is, by the header: in any order, any case, after the byte-order mark Excel writes. */
    private static int[] columns(String header, List<String> names) {
        List<String> found = Arrays.stream(fields(header.replaceFirst("^\uFEFF", "")))
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        int[] at = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            at[i] = found.indexOf(names.get(i));
            if (at[i] < 0) {
                throw new IllegalArgumentException("the CSV header " + found + " has no column " + names.get(i)
                        + "; expected " + String.join(",", names));
            }
        }
        return at;
    }

    /** A line's fields, trimmed and without the double quotes a spreadsheet may put around them. */
    private static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String field = f[i].strip();
            f[i] = field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                    ? field.substring(1, field.length() - 1).strip() : field;
        }
        return f;
    }

    /**
     * An ISO-8601 instant ({@code 2026-03-01T10:00:00Z}, or with an offset: {@code 2026-03-01T11:00:00+01:00}),
     * a date-time or date without a zone (read as UTC), or seconds since the epoch ({@code 1772359200}); a number
     * too large for seconds (after the year 5000) is milliseconds, as JavaScript and many exports write them.
     */
    static Instant instant(String text) {
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            double number = Double.parseDouble(text);
            double seconds = Math.abs(number) >= MILLISECONDS_FROM ? number / 1000 : number;
            long whole = (long) Math.floor(seconds);
            return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    /** 10^11 seconds is the year 5138; 10^11 milliseconds is March 1973. */
    private static final double MILLISECONDS_FROM = 1e11;

    /** Learner names of scenarios read from CSV, by identity, for writing estimates back. */
    private static final Map<Scenario, String[]> NAMES = new java.util.IdentityHashMap<>();

    static void write(Path out, Scenario scenario, Belief[] estimates) throws IOException {
        String[] names = NAMES.getOrDefault(scenario, null);
        boolean[] comparable = comparable(scenario);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            writer.println("learner,mu,sigma,published_score,comparable");
            for (int l = 0; l < estimates.length; l++) {
                writer.printf(Locale.ROOT, "%s,%.6f,%.6f,%d,%s%n", names == null ? "learner-" + l : names[l],
                        estimates[l].mean(), estimates[l].sigma(), PublishedScore.of(estimates[l]), comparable[l]);
            }
        }
    }

    /** Learners in the largest connected component of learners, tasks and reviewers joined by reviews. */
    static boolean[] comparable(Scenario s) {
        int taskOffset = s.learners();
        int reviewerOffset = s.learners() + s.tasks();
        int[] parent = new int[reviewerOffset + s.reviewers()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Observation o : s.observations()) {
            union(parent, o.learner(), taskOffset + o.task());
            union(parent, o.learner(), reviewerOffset + o.reviewer());
        }
        int[] size = new int[parent.length];
        for (int i = 0; i < parent.length; i++) {
            size[find(parent, i)]++;
        }
        int largest = 0;
        for (int i = 0; i < parent.length; i++) {
            if (size[i] > size[largest]) {
                largest = i;
            }
        }
        boolean[] comparable = new boolean[s.learners()];
        for (int l = 0; l < s.learners(); l++) {
            comparable[l] = find(parent, l) == largest;
        }
        return comparable;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    private static int index(Map<String, Integer> indexes, String key) {
        return indexes.computeIfAbsent(key, k -> indexes.size());
    }
}
