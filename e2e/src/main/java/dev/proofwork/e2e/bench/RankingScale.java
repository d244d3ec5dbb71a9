package dev.proofwork.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofwork.e2e.Http;
import dev.proofwork.e2e.Identity;
import dev.proofwork.e2e.TokenSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ranking at the size of a large skill. A synthetic skill is written straight into ranking-service's
 * database (cohorts of 50 over six months, two tasks and two reviews each, each review scoring three criteria,
 * three anchor takers a cohort, one roaming reviewer per 500 learners, and one audition of {@code seats} seats),
 * then measured through the API: an operator's refit while a learner's reads go on, the outbox publishing every
 * learner's new standing, and a page of the large audition's cohort ranking and of the skill's leaderboard. The
 * skill is removed afterwards.
 */
final class RankingScale {

    /** What the stage comes to; latencies in milliseconds. */
    record Figures(int learners, long reviews, double seedSeconds, double refitSeconds, JsonNode refit,
            double publishSeconds, Latencies.Figures readsDuringRefit, Latencies.Figures cohortPage,
            Latencies.Figures leaderboardPage) {
    }

    private static final String RANKING = "http://localhost:8083";
    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/proofwork_ranking";
    /**
     * Every task's rubric: three criteria scored 0..5, as the scenario's auditions have, listed in key order as
     * ranking-service keeps them; reviews score each.
     */
    private static final String CRITERIA = "clarity,correctness,tests";

    private final Http http;
    private final TokenSource tokens;
    private final Identity operator;
    private final Identity reader;
    private final String prefix;
    private final String skill;

    RankingScale(Http http, TokenSource tokens, Identity operator, Identity reader, String tag) {
        this.http = http;
        this.tokens = tokens;
        this.operator = operator;
        this.reader = reader;
        this.prefix = "scale-" + tag;
        this.skill = "bench-scale-" + tag;
    }

    Figures measure(int learners, int seats) throws Exception {
        try (Connection db = DriverManager.getConnection(DATABASE, "postgres", "")) {
            try {
                long start = System.nanoTime();
                long reviews = seed(db, learners, seats);
                double seedSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "    seeded %,d learners and %,d reviews in %.1f s%n", learners, reviews,
                        seedSeconds);

                Latencies reads = new Latencies("reads during refit");
                AtomicBoolean refitting = new AtomicBoolean(true);
                String operatorToken = tokens.token(operator);
                String readerToken = tokens.token(reader);
                JsonNode summary;
                double refitSeconds;
                Instant readsFrom = Instant.now();
                // a learner reading their standing ten times a second: does the API still answer while the refit runs?
                try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                    callers.submit(() -> {
                        while (refitting.get()) {
                            long sent = System.nanoTime();
                            try {
                                http.get(RANKING + "/api/v1/me/skills", readerToken).expect(200);
                                reads.record(sent);
                            } catch (RuntimeException e) {
                                reads.failed();
                            }
                            Thread.sleep(100);
                        }
                        return null;
                    });
                    start = System.nanoTime();
                    try {
                        summary = refit(operatorToken);
                    } finally {
                        refitting.set(false);
                    }
                    refitSeconds = (System.nanoTime() - start) / 1e9;
                }
                Latencies.Figures readFigures = reads.over(Duration.between(readsFrom, Instant.now()));
                System.out.printf(Locale.ROOT, "    refit through the API %.1f s (%s); a learner's reads meanwhile p50 %.1f ms,"
                        + " p99 %.1f ms, %d failed%n", refitSeconds, summary, readFigures.p50Millis(),
                        readFigures.p99Millis(), readFigures.failed());

                start = System.nanoTime();
                awaitOutboxEmpty(db);
                double publishSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "    every learner's new standing on the broker %.1f s after the refit%n",
                        publishSeconds);

                String big = bigAudition(db);
                Latencies.Figures cohort = timed("cohort page (" + seats + " seats)", 20, () -> http.get(RANKING
                        + "/api/v1/rankings/auditions/" + big + "?size=50", operatorToken).expect(200));
                Latencies.Figures leaderboard = timed("leaderboard page", 20, () -> http.get(RANKING
                        + "/api/v1/rankings/skills/" + skill + "?size=20", operatorToken).expect(200));
                return new Figures(learners, reviews, seedSeconds, refitSeconds, summary, publishSeconds, readFigures,
                        cohort, leaderboard);
            } finally {
                remove(db);
            }
        }
    }

    /** Writes the synthetic skill in one transaction; marked as just refitted, so no scheduled refit races ours. */
    private long seed(Connection db, int learners, int seats) throws SQLException {
        int cohorts = Math.max(1, learners / 50);
        int tasks = 1 + 2 * cohorts;
        int roamers = Math.max(2, learners / 500);
        String p = prefix;
        String taskOf = "(case when k = 0 and l % 50 < 3 then 0 else 1 + (l / 50) * 2 + k end)";
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into cohort (audition_id, org_id, title, skill, drafted_at, opened_at, anchor, criterion_keys,
                                        criterion_maxima)
                    select md5('%1$s-task-' || t)::uuid, 'bench-scale', 'Scale task ' || t, '%2$s', now(), now(), t = 0,
                           '%3$s', array[5, 5, 5]
                    from generate_series(0, %4$d) t
                    union all select md5('%1$s-big')::uuid, 'bench-scale', 'A large audition', '%2$s', now(), now(), false,
                                     '%3$s', array[5, 5, 5]
                    """.formatted(p, skill, CRITERIA, tasks - 1));
            sql.execute("""
                    insert into submission_author (submission_id, learner_id, audition_id)
                    select md5('%1$s-sub-' || l || '-' || k)::uuid, '%1$s-learner-' || l, md5('%1$s-task-' || %2$s)::uuid
                    from generate_series(0, %3$d) l, generate_series(0, 1) k
                    union all
                    select md5('%1$s-bigsub-' || l)::uuid, '%1$s-learner-' || l, md5('%1$s-big')::uuid
                    from generate_series(0, %4$d) l
                    """.formatted(p, taskOf, learners - 1, Math.min(seats, learners) - 1));
            sql.execute("""
                    insert into review_observation (review_id, submission_id, skill, task_id, reviewer_id, score,
                                                    criterion_keys, criterion_points, observed_at, applied_at)
                    select r.review_id, r.submission_id, '%2$s', r.task_id, r.reviewer_id,
                           (0.4 * r.correctness + 0.2 * r.tests + 0.4 * r.clarity) / 5.0,
                           '%7$s', array[r.clarity, r.correctness, r.tests], r.observed_at, r.observed_at
                    from (select md5('%1$s-review-' || s.l || '-' || s.k || '-' || v)::uuid as review_id,
                                 md5('%1$s-sub-' || s.l || '-' || s.k)::uuid as submission_id,
                                 md5('%1$s-task-' || s.t)::uuid as task_id,
                                 case when v = 0 and random() < 0.2 then '%1$s-roamer-' || floor(random() * %3$d)::int
                                      else '%1$s-reviewer-' || ((s.l / 50) * 3 + floor(random() * 3)::int) end
                                     as reviewer_id,
                                 least(5, greatest(0, round(2.5 + 1.25 * s.ability + (random() - 0.5) * 2)))::int
                                     as correctness,
                                 least(5, greatest(0, round(2.5 + 1.25 * s.ability + (random() - 0.5) * 2)))::int
                                     as tests,
                                 least(5, greatest(0, round(2.5 + 1.25 * s.ability + (random() - 0.5) * 4)))::int
                                     as clarity,
                                 now() - interval '1 day' * (182.0 * (1 - (s.l / 50)::float8 / %4$d) + random() * 7)
                                     as observed_at
                          from (select l, k, %5$s as t,
                                       ((abs(hashtext('%1$s' || l)) %% 2000) / 1000.0 - 1) * 1.5 as ability
                                from generate_series(0, %6$d) l, generate_series(0, 1) k) s, generate_series(0, 1) v) r
                    """.formatted(p, skill, roamers, cohorts, taskOf, learners - 1, CRITERIA));
            sql.execute("""
                    insert into facet (skill, kind, facet_key, mu, variance, evidence, last_evidence_at, published_score)
                    select '%2$s', 'LEARNER', '%1$s-learner-' || l, 0, 1, 4, now(), 200 from generate_series(0, %3$d) l
                    union all
                    select '%2$s', 'TASK', md5('%1$s-task-' || t)::uuid::text, 0, 0.49, 100, now(), null
                    from generate_series(0, %4$d) t
                    union all
                    select distinct '%2$s', 'REVIEWER', reviewer_id, 0, 0.25, 100, now(), cast(null as integer)
                    from review_observation where skill = '%2$s'
                    """.formatted(p, skill, learners - 1, tasks - 1));
            sql.execute("""
                    insert into facet_component (skill, node, root)
                    select skill, case kind when 'LEARNER' then 'L:' when 'TASK' then 'T:' else 'R:' end || facet_key,
                           'L:%1$s-learner-0'
                    from facet where skill = '%2$s'
                    """.formatted(p, skill));
            sql.execute("""
                    insert into facet_component_size (skill, root, nodes, learners)
                    select skill, root, count(*), count(*) filter (where node like 'L:%%') from facet_component
                    where skill = '%s' group by skill, root
                    """.formatted(skill));
            sql.execute("""
                    insert into skill_reviews (skill, applied, first_review_at)
                    select '%1$s', count(*), min(observed_at) from review_observation where skill = '%1$s'
                    """.formatted(skill));
            sql.execute("""
                    insert into skill_refit (skill, refitted_at, reviews)
                    select '%1$s', now(), count(*) from review_observation where skill = '%1$s'
                    """.formatted(skill));
            db.commit();
            try (ResultSet count = sql.executeQuery("select reviews from skill_refit where skill = '" + skill + "'")) {
                count.next();
                return count.getLong(1);
            }
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The operator's refit; it may take minutes at this size, more than the scenario client waits. */
    private JsonNode refit(String token) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(RANKING + "/api/v1/skills/" + skill + "/refit"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refit answered " + response.statusCode() + ": " + response.body());
        }
        return Http.JSON.readTree(response.body());
    }

    private static void awaitOutboxEmpty(Connection db) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        try (Statement sql = db.createStatement()) {
            while (Instant.now().isBefore(until)) {
                try (ResultSet waiting = sql.executeQuery("select count(*) from outbox where published_at is null")) {
                    waiting.next();
                    if (waiting.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the outbox still held events after 10 minutes");
    }

    private String bigAudition(Connection db) throws SQLException {
        try (Statement sql = db.createStatement();
                ResultSet found = sql.executeQuery("select md5('" + prefix + "-big')::uuid")) {
            found.next();
            return found.getString(1);
        }
    }

    private static Latencies.Figures timed(String stage, int calls, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        Latencies latencies = new Latencies(stage);
        Instant start = Instant.now();
        for (int i = 0; i < calls; i++) {
            long sent = System.nanoTime();
            call.run();
            latencies.record(sent);
        }
        Latencies.Figures figures = latencies.over(Duration.between(start, Instant.now()));
        System.out.printf(Locale.ROOT, "    %-28s p50 %6.1f ms  p99 %6.1f ms%n", stage, figures.p50Millis(),
                figures.p99Millis());
        return figures;
    }

    private void remove(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            for (String table : new String[] { "review_observation", "facet", "facet_component", "facet_component_size",
                    "score_change", "skill_refit", "skill_reviews", "cohort" }) {
                sql.execute("delete from " + table + " where skill = '" + skill + "'");
            }
            sql.execute("delete from submission_author where learner_id like '" + prefix + "-learner-%'");
        }
    }
}
