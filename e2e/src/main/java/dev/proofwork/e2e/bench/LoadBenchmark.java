package dev.proofwork.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofwork.e2e.Http;
import dev.proofwork.e2e.Identity;
import dev.proofwork.e2e.KeycloakTokens;
import dev.proofwork.e2e.ScenarioException;
import dev.proofwork.e2e.TokenSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * How much the marketplace carries on this machine, through its public API with real tokens, beside what the
 * machine can do at all. {@code ./proofwork bench} runs it against the local run; it prints figures, writes a CSV
 * and a chart, and never fails for a figure. Flags: --learners, --reviewers, --auditions, --rates (submissions per
 * second, comma separated), --step-seconds, --read-seconds, --concurrency, --ranking-learners and --cohort-seats
 * (the size of the synthetic skill the ranking is measured at; 0 learners skips it), --only ranking (that stage
 * alone), --instances (how many processes of every service to play the throughput stages against, in turn, comma
 * separated: {@code 1,2} plays them with one, then with two, started by {@code ./proofwork scale}), --out.
 */
public final class LoadBenchmark {

    private static final List<String> SERVICES = List.of("audition-service", "scoring-service", "ranking-service",
            "payout-service");
    private static final String AUDITION = "http://localhost:8081";
    private static final String SCORING = "http://localhost:8082";
    private static final String PAYOUT = "http://localhost:8084";
    private static final String EUR = "EUR";

    private final Map<String, String> flags;
    private final TokenSource tokens;
    private final Http http = new Http();
    private final Random random = new Random(7);
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final String skill = "bench-" + tag;
    private final Identity operator = Identity.of("bench-operator", "operator");
    private final Identity employer;
    private final List<Identity> learners = new ArrayList<>();
    private final List<Identity> reviewers = new ArrayList<>();
    private final List<Identity> depositors = new ArrayList<>();
    private final List<UUID> auditions = new ArrayList<>();
    private final List<String> reviewerIds = new ArrayList<>();
    private final Report report = new Report();
    /** Processes of each service the current round spreads its callers over. */
    private int instances = 1;

    /** A seat a learner takes: one attempt per learner and audition; the learner is the caller-th. */
    private record Seat(Identity learner, int caller, UUID audition) {
    }

    private LoadBenchmark(Map<String, String> flags, TokenSource tokens) {
        this.flags = flags;
        this.tokens = tokens;
        this.employer = new Identity("bench-employer-" + tag, "employer", "bench-" + tag);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>(Map.of("learners", "200", "reviewers", "8", "auditions", "10",
                "rates", "5,10,20,40", "step-seconds", "20", "read-seconds", "10", "concurrency", "16",
                "out", ".proofwork/bench"));
        flags.put("instances", "1");
        flags.putAll(Map.of("ranking-learners", "100000", "cohort-seats", "1000", "only", "all"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !flags.containsKey(args[i].substring(2))) {
                System.err.println("unknown flag " + args[i] + "; known: " + flags.keySet());
                System.exit(2);
            }
            flags.put(args[i].substring(2), args[i + 1]);
        }
        TokenSource tokens = new KeycloakTokens(env("KEYCLOAK_URL", "http://localhost:8180"),
                env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"), env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        try {
            new LoadBenchmark(flags, tokens).run();
        } catch (ScenarioException e) {
            System.err.println("benchmark stopped: " + e.getMessage());
            System.exit(1);
        }
    }

    private int number(String flag) {
        return Integer.parseInt(flags.get(flag));
    }

    private void run() throws Exception {
        Path home = Path.of(".proofwork");
        System.out.println("Benchmark of the local run, " + Runtime.getRuntime().availableProcessors() + " cores, " + flags);
        if (flags.get("only").equals("ranking")) {
            rankingAtScale("ranking at scale");
            return;
        }

        step("1/7 ceilings: pgbench -N (16 clients) on a scratch database, Kafka producer (512 B, acks=all)");
        report.ceilings = new Ceilings("127.0.0.1", 5432, "postgres", env("KAFKA_BOOTSTRAP", "localhost:9092"))
                .measure(number("read-seconds"));
        System.out.printf(Locale.ROOT, "    PostgreSQL %.0f tps, Kafka %.0f records/s%n", report.ceilings.postgresTps(),
                report.ceilings.kafkaRecordsPerSecond());

        step("2/7 " + number("learners") + " learners, " + number("reviewers") + " reviewers, "
                + number("concurrency") + " depositing orgs: accounts and tokens from Keycloak, up front");
        cast();

        List<Integer> counts = Arrays.stream(flags.get("instances").split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
        try {
            for (int count : counts) {
                playRound(home, count);
            }
        } finally {
            for (String id : reviewerIds) {
                http.post(SCORING + "/api/v1/reviewers/" + id + "/deactivate", tokens.token(operator), null);
            }
            if (instances != 1) {
                scale(1);
            }
        }

        rankingAtScale("6/7 ranking at scale");

        step("7/7 report");
        Path out = Path.of(flags.get("out"));
        Files.createDirectories(out);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        report.print(System.out);
        Path csv = report.writeCsv(out.resolve("bench-" + stamp + ".csv"));
        System.out.println("    wrote " + csv);
        for (Report.Round round : report.rounds) {
            String suffix = round.instances == 1 ? "" : "-x" + round.instances;
            Path chart = report.writeChart(out.resolve("bench-" + stamp + suffix + ".svg"), round);
            Files.copy(chart, out.resolve("latest" + suffix + ".svg"), StandardCopyOption.REPLACE_EXISTING);
            System.out.println("    wrote " + chart);
        }
    }

    /**
     * Stages 3-5 against {@code count} processes of every service: auditions of their own, callers spread over the
     * processes, and the memory and CPU of each process.
     */
    private void playRound(Path home, int count) throws Exception {
        if (count != instances) {
            step("scaling the local run to " + count + " process(es) of each service");
            scale(count);
        }
        Report.Round round = report.round(count);
        String label = " (" + round.title() + ")";
        auditions.clear();
        for (int i = 0; i < number("auditions"); i++) {
            auditions.add(publish("Bench task " + i + " (" + tag + ", " + count + ")", learners.size()));
        }
        List<String> processes = new ArrayList<>();
        for (String service : SERVICES) {
            processes.add(service);
            IntStream.rangeClosed(2, count).forEach(k -> processes.add(service + "-" + k));
        }
        try (ServiceUsage usage = new ServiceUsage(home, processes)) {
            step("3/7 reads and ledger postings, " + number("concurrency") + " callers for " + number("read-seconds")
                    + " s each" + label);
            round.stages.add(closedLoop("list auditions", learners.getFirst(), (who, caller) -> http.get(
                    at(AUDITION, caller) + "/api/v1/auditions?size=20", tokens.token(who)).expect(200)));
            round.stages.add(closedLoop("deposit", null, (who, caller) -> http.send("POST",
                    at(PAYOUT, caller) + "/api/v1/employers/" + who.orgId() + "/deposits", tokens.token(who),
                    Map.of("amountMinor", 100, "currency", EUR), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                    .expect(201)));

            step("4/7 the pipeline at rising rates: claim, submit, two reviews each, scores, rankings, payables" + label);
            try (Pipeline pipeline = new Pipeline(env("KAFKA_BOOTSTRAP", "localhost:9092"), round)) {
                pipeline.play();
            }

            step("5/7 employers close, the operator runs payouts" + label);
            long start = System.nanoTime();
            for (UUID audition : auditions) {
                http.post(AUDITION + "/api/v1/auditions/" + audition + "/close", tokens.token(employer), null).expect(200);
            }
            round.closeMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            round.payoutRun = http.post(PAYOUT + "/api/v1/payout-runs", tokens.token(operator), null).expect(200).body();
            round.payoutRunMillis = (System.nanoTime() - start) / 1e6;
            round.usage = usage.figures();
        }
    }

    /** Starts or stops processes of the local run's services with {@code ./proofwork scale}. */
    private void scale(int count) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("./proofwork", "scale", String.valueOf(count)).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new ScenarioException("./proofwork scale " + count + " failed (exit " + exit + ")");
        }
        instances = count;
    }

    /** The service at {@code base} as the caller-th caller reaches it: instance K answers on base's port + 20*(K-1). */
    private String at(String base, int caller) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        return "http://localhost:" + (port + 20 * Math.floorMod(caller, instances));
    }

    /** A refit and a large cohort's ranking in a synthetic skill of --ranking-learners learners. */
    private void rankingAtScale(String title) throws Exception {
        int size = number("ranking-learners");
        if (size <= 0) {
            return;
        }
        step(title + ": " + size + " learners, 4 reviews each, an audition of " + number("cohort-seats")
                + " seats, written straight into ranking-service's database");
        report.rankingScale = new RankingScale(http, tokens, operator, Identity.of("bench-learner-000", "learner"), tag)
                .measure(size, number("cohort-seats"));
    }

    private void cast() throws Exception {
        for (int i = 0; i < number("learners"); i++) {
            learners.add(Identity.of("bench-learner-%03d".formatted(i), "learner"));
        }
        for (int i = 0; i < number("reviewers"); i++) {
            reviewers.add(Identity.of("bench-reviewer-%02d-%s".formatted(i, tag), "reviewer"));
        }
        for (int i = 0; i < number("concurrency"); i++) {
            depositors.add(new Identity("bench-depositor-%02d-%s".formatted(i, tag), "employer", "bench-org-%02d-%s".formatted(i, tag)));
        }
        List<Identity> everyone = new ArrayList<>(learners);
        everyone.addAll(reviewers);
        everyone.addAll(depositors);
        everyone.add(operator);
        everyone.add(employer);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            everyone.forEach(who -> pool.submit(() -> tokens.token(who)));
        }
        for (Identity reviewer : reviewers) {
            JsonNode registered = http.post(SCORING + "/api/v1/reviewers", tokens.token(operator), Map.of(
                    "subject", tokens.subject(reviewer), "skills", List.of(skill), "maxOpenReviews", 100)).expect(201).body();
            reviewerIds.add(registered.path("id").asText());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < learners.size(); i++) {
                Identity learner = learners.get(i);
                String account = "acct_bench%05d".formatted(i);
                pool.submit(() -> http.put(PAYOUT + "/api/v1/me/payout-account", tokens.token(learner),
                        Map.of("accountReference", account)).expect(200));
            }
        }
        long seats = learners.size();
        http.send("POST", PAYOUT + "/api/v1/employers/" + employer.orgId() + "/deposits", tokens.token(employer),
                Map.of("amountMinor", seats * 4_000 * (number("auditions") + 1) * rounds(), "currency", EUR),
                Map.of("Idempotency-Key", "bench-" + tag)).expect(201);
    }

    private int rounds() {
        return flags.get("instances").split(",").length;
    }

    private UUID publish(String title, int seats) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("title", title);
        spec.put("brief", "A task as on day one of the job, for the load benchmark.");
        spec.put("skill", skill);
        spec.put("deliverables", List.of("a change with tests"));
        spec.put("rubric", List.of(
                Map.of("key", "correctness", "description", "it works and is tested", "weight", 0.6, "maxScore", 5),
                Map.of("key", "clarity", "description", "a reviewer can follow it", "weight", 0.4, "maxScore", 5)));
        spec.put("timeboxMinutes", 60);
        spec.put("seats", seats);
        spec.put("payPerSubmission", Map.of("amountMinor", 2_500, "currency", EUR));
        spec.put("reviewersPerSubmission", 2);
        spec.put("scoreTolerance", 0.25);
        spec.put("closesAt", Instant.now().plus(Duration.ofHours(3)).toString());
        String base = AUDITION + "/api/v1/auditions";
        UUID id = UUID.fromString(http.post(base, tokens.token(employer), spec).expect(201).body().path("id").asText());
        http.post(base + "/" + id + "/submit-for-scoping", tokens.token(employer), null).expect(200);
        http.post(base + "/" + id + "/scope-approval", tokens.token(operator), Map.of("approved", true)).expect(200);
        http.post(base + "/" + id + "/publish", tokens.token(employer), null).expect(202);
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!http.get(base + "/" + id, tokens.token(employer)).expect(200).body().path("status").asText().equals("OPEN")) {
            if (Instant.now().isAfter(giveUp)) {
                throw new ScenarioException("audition " + id + " did not open within 60 s (escrow)");
            }
            sleep(200);
        }
        return id;
    }

    /**
     * {@code concurrency} callers, each calling again as soon as it has its answer, for read-seconds, after as long
     * again unmeasured (connections opened, code compiled on both sides).
     */
    private Latencies.Figures closedLoop(String stage, Identity caller, BiConsumer<Identity, Integer> call)
            throws Exception {
        callFor(new Latencies(stage), caller, call);
        Latencies latencies = new Latencies(stage);
        Duration wall = callFor(latencies, caller, call);
        Latencies.Figures figures = latencies.over(wall);
        System.out.printf(Locale.ROOT, "    %-16s %8.0f/s  p50 %6.1f ms  p99 %6.1f ms  (%d failed)%n", stage,
                figures.perSecond(), figures.p50Millis(), figures.p99Millis(), figures.failed());
        return figures;
    }

    private Duration callFor(Latencies latencies, Identity caller, BiConsumer<Identity, Integer> call)
            throws InterruptedException {
        AtomicBoolean go = new AtomicBoolean(true);
        Instant start = Instant.now();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < number("concurrency"); i++) {
                Identity who = caller != null ? caller : depositors.get(i);
                int index = i;
                callers.submit(() -> {
                    while (go.get()) {
                        long sent = System.nanoTime();
                        try {
                            call.accept(who, index);
                            latencies.record(sent);
                        } catch (RuntimeException e) {
                            latencies.failed();
                        }
                    }
                });
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(number("read-seconds")));
            go.set(false);
        }
        return Duration.between(start, Instant.now());
    }

    /** Learners hand in work at each offered rate in turn while the reviewers work their queues without pause. */
    private final class Pipeline implements AutoCloseable {

        private final Outcomes outcomes;
        private final ConcurrentLinkedQueue<Seat> seats = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean reviewing = new AtomicBoolean(true);
        private final Latencies reviews = new Latencies("review");
        private final Latencies queues = new Latencies("review queue");
        private final ExecutorService reviewerThreads = Executors.newVirtualThreadPerTaskExecutor();
        private final Report.Round round;

        Pipeline(String kafka, Report.Round round) {
            this.outcomes = new Outcomes(kafka, tokens, skill);
            this.round = round;
        }

        void play() throws Exception {
            List<Seat> pairs = new ArrayList<>();
            for (UUID audition : auditions) {
                for (int i = 0; i < learners.size(); i++) {
                    pairs.add(new Seat(learners.get(i), i, audition));
                }
            }
            Collections.shuffle(pairs, random);
            seats.addAll(pairs);
            outcomes.start();
            for (int i = 0; i < reviewers.size(); i++) {
                Identity reviewer = reviewers.get(i);
                String scoring = at(SCORING, i);
                reviewerThreads.submit(() -> reviewLoop(reviewer, scoring));
            }
            Instant pipelineStart = Instant.now();
            for (String rate : flags.get("rates").split(",")) {
                offer(Integer.parseInt(rate.strip()));
            }
            System.out.println("    waiting for the last scores, rankings and payables");
            outcomes.awaitAll(Duration.ofSeconds(180));
            reviewing.set(false);
            round.events = outcomes.eventsSinceStart();
            round.pipelineSeconds = Duration.between(pipelineStart, outcomes.lastEffect().orElse(Instant.now())).toMillis() / 1000.0;
            round.stages.add(reviews.over(Duration.between(pipelineStart, Instant.now())));
            round.stages.add(queues.over(Duration.between(pipelineStart, Instant.now())));
            round.lags.addAll(outcomes.lags());
        }

        private void offer(int rate) throws InterruptedException {
            Latencies claims = new Latencies("claim @" + rate + "/s");
            Latencies submits = new Latencies("submit @" + rate + "/s");
            int total = rate * number("step-seconds");
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            Instant wallStart = Instant.now();
            try (ExecutorService learnerThreads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < total; i++) {
                    Seat seat = seats.poll();
                    if (seat == null) {
                        System.out.println("    no seats left; use more --learners or --auditions");
                        break;
                    }
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    learnerThreads.execute(() -> claimAndSubmit(rate, seat, claims, submits));
                }
            }
            Duration wall = Duration.between(wallStart, Instant.now());
            Latencies.Figures claimed = claims.over(wall);
            Latencies.Figures submitted = submits.over(wall);
            round.stages.add(claimed);
            round.stages.add(submitted);
            round.offered.put(rate, submitted.perSecond());
            System.out.printf(Locale.ROOT, "    offered %3d/s: submitted %.1f/s, submit p99 %.0f ms, %d failed; %d reviews so far%n",
                    rate, submitted.perSecond(), submitted.p99Millis(), submitted.failed() + claimed.failed(), reviews.count());
        }

        private void claimAndSubmit(int rate, Seat seat, Latencies claims, Latencies submits) {
            Identity learner = seat.learner();
            String audition = at(AUDITION, seat.caller());
            String attempt;
            try {
                long sent = System.nanoTime();
                attempt = http.post(audition + "/api/v1/auditions/" + seat.audition() + "/attempts", tokens.token(learner), null)
                        .expect(201).body().path("attemptId").asText();
                claims.record(sent);
            } catch (RuntimeException e) {
                claims.failed();
                return;
            }
            try {
                long sent = System.nanoTime();
                UUID submission = UUID.fromString(http.post(audition + "/api/v1/attempts/" + attempt + "/submission",
                        tokens.token(learner), Map.of("content", prose(), "links", List.of())).expect(201).body()
                        .path("submissionId").asText());
                submits.record(sent);
                outcomes.submitted(submission, learner, seat.audition(), rate, Instant.now());
            } catch (RuntimeException e) {
                submits.failed();
            }
        }

        private void reviewLoop(Identity reviewer, String scoring) {
            while (reviewing.get()) {
                try {
                    long sent = System.nanoTime();
                    JsonNode queue = http.get(scoring + "/api/v1/reviews/queue", tokens.token(reviewer)).expect(200).body();
                    queues.record(sent);
                    for (JsonNode item : queue) {
                        sent = System.nanoTime();
                        http.post(scoring + "/api/v1/reviews/" + item.path("taskId").asText(), tokens.token(reviewer),
                                Map.of("scores", scoresFor(item.path("content").asText()), "comment", "benchmark review"))
                                .expect(200, 201);
                        reviews.record(sent);
                    }
                    if (queue.isEmpty()) {
                        sleep(250);
                    }
                } catch (RuntimeException e) {
                    reviews.failed();
                    sleep(100);
                }
            }
        }

        @Override
        public void close() {
            reviewing.set(false);
            reviewerThreads.close();
            outcomes.close();
        }
    }

    /** Both reviewers of a work give it the same scores (no adjudication), drawn from the work itself. */
    private static Map<String, Integer> scoresFor(String content) {
        int seed = Math.abs(content.hashCode());
        return Map.of("correctness", 1 + seed % 5, "clarity", 1 + (seed / 5) % 5);
    }

    private String prose() {
        StringBuilder text = new StringBuilder("Solution ").append(UUID.randomUUID()).append('.');
        for (int i = 0; i < 60; i++) {
            text.append(' ').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), 0, 6);
        }
        return text.toString();
    }

    private static void step(String what) {
        System.out.println("==> " + what + "  [" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "]");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

}
