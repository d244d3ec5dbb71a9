package dev.proofwork.ranking.facets;

import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.CriterionWeights;
import dev.proofwork.ranking.model.DecayPolicy;
import dev.proofwork.ranking.model.ModelSettings;
import dev.proofwork.ranking.model.PublishedScore;
import dev.proofwork.runtime.domain.DomainException;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.RowBatches;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Refits a skill from all its reviews and replaces the online estimates in one transaction, so readers
 * see either the old state or the new one; online updates then continue from the refit, and the few learners a
 * review reached while it read and solved keep their online standing until the next. Each learner's new
 * standing is published. Refits run by themselves ({@link #refitDue}) and when an operator asks. A skill of
 * 100,000 learners is read in pages into compact arrays and written back set-based, a few hundred rows per
 * statement, so neither memory nor round trips grow with one entity per facet.
 */
@ApplicationScoped
public class Refit {

    /**
     * What a refit did, and where its time went: reading the reviews, solving, writing the results.
     *
     * @param leftOnline learners a review reached while the refit ran: their online standing, which has that
     *        review and the refit has not, is kept until the next refit reads it
     */
    public record Summary(String skill, int learners, int reviews, int iterations, double readSeconds,
            double solveSeconds, double writeSeconds, int leftOnline) {
    }

    /** The lock a refit takes to write a skill, and every online update of the skill takes shared. */
    static final String WRITING = "refit-write";
    /**
     * How long a review's online update may take from being stamped applied to committing: reviews stamped this
     * long before a refit began reading may yet have been invisible to it.
     */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(Refit.class);
    private static final int PAGE = 20_000;

    /**
     * A page of the skill's reviews after the given one. The keyset is compared as a row, so that it is a
     * condition on the (skill, review_id) index whatever the planner believes of the skill's size: freshly loaded,
     * it once walked every skill's reviews in id order, a second and a half per page. (Joined to the cohorts for
     * their rubrics, it was planned as a hash join under the limit: every page read the whole skill.)
     */
    private static final String REVIEWS = """
            select o.review_id, a.learner_id, o.task_id::text as task_id, o.reviewer_id, o.score, o.observed_at,
                   o.criterion_keys, o.criterion_points, o.applied_at
            from review_observation o join submission_author a on a.submission_id = o.submission_id
            where o.skill = $1 and (o.skill, o.review_id) > ($1, $2)
            order by o.skill, o.review_id
            limit $3""";

    private static final String ANCHORS = "select audition_id::text as task_id from cohort where skill = $1 and anchor";

    /** Reviews of the skill applied online since a moment: those a refit may not have read. */
    private static final String APPLIED_SINCE = """
            select o.review_id, a.learner_id
            from review_observation o join submission_author a on a.submission_id = o.submission_id
            where o.skill = $1 and o.applied_at >= $2""";

    /** Rubrics of enough criteria to tell how reliably each is judged: the only ones whose weights are learnt. */
    private static final String RUBRICS = """
            select audition_id::text as task_id, criterion_keys, criterion_maxima from cohort
            where skill = $1 and cardinality(criterion_maxima) >= $2""";

    private static final String LEARNERS = """
            select facet_key, mu, variance, last_evidence_at from facet where skill = $1 and kind = 'LEARNER'""";

    /**
     * Skills (all, or the one given) with new reviews since their last refit: enough of them, a refit old enough,
     * or a task with enough reviews that no refit has seen (it has no takers yet).
     */
    private static final String DUE = """
            select s.skill from skill_reviews s left join skill_refit r on r.skill = s.skill
            where ($3::text is null or s.skill = $3)
              and (s.applied - coalesce(r.reviews, 0) >= $1
                or (s.applied > coalesce(r.reviews, 0) and coalesce(r.refitted_at, s.first_review_at) < $2)
                or exists (select 1 from facet t where t.skill = s.skill and t.kind = 'TASK' and t.evidence >= $4
                           and not exists (select 1 from facet k
                                           where k.skill = t.skill and k.kind = 'TAKERS' and k.facet_key = t.facet_key)))""";

    private static final String RECORD = """
            insert into skill_refit (skill, refitted_at, reviews) values (:skill, :at, :reviews)
            on conflict (skill) do update set refitted_at = excluded.refitted_at, reviews = excluded.reviews""";

    private static final String UPDATE_LEARNERS = """
            update facet f set mu = v.mu, variance = v.variance, placement_variance = v.placement,
                published_score = v.score
            from %s
            where f.skill = v.skill and f.kind = 'LEARNER' and f.facet_key = v.facet_key""";
    private static final String UPDATE_TASKS = """
            update facet f set mu = v.mu, variance = v.variance
            from %s
            where f.skill = v.skill and f.kind = 'TASK' and f.facet_key = v.facet_key""";
    private static final String UPSERT_TAKERS = """
            insert into facet (skill, kind, facet_key, mu, variance, evidence, last_evidence_at)
            select v.skill, 'TAKERS', v.facet_key, v.mu, v.variance, 0, v.at
            from %s
            on conflict (skill, kind, facet_key) do update set mu = excluded.mu, variance = excluded.variance""";
    private static final String UPDATE_REVIEWERS = """
            update facet f set mu = v.mu, variance = v.variance, noise_variance = v.noise
            from %s
            where f.skill = v.skill and f.kind = 'REVIEWER' and f.facet_key = v.facet_key""";
    private static final String UPDATE_CRITERION_WEIGHTS = """
            update cohort c set criterion_weights = v.weights
            from %s
            where c.audition_id = v.audition_id""";
    private static final String INSERT_MOVES = """
            insert into score_change (id, skill, learner_id, changed_at, cause, mu_before, sigma_before, mu_after,
                                      sigma_after)
            select v.id, v.skill, v.learner_id, v.changed_at, 'REFIT', v.mu_before, v.sigma_before, v.mu_after,
                   v.sigma_after
            from %s""";

    private final Pool pool;
    private final DecayPolicy decay;
    private final Connectivity connectivity;
    private final Outbox outbox;
    private final Clock clock;
    private final RefitSolver solver;
    private final TransactionLocks locks;
    private final ModelSettings settings;

    Refit(Pool pool, DecayPolicy decay, Connectivity connectivity, Outbox outbox, Clock clock, RefitSolver solver,
            TransactionLocks locks, ModelSettings settings) {
        this.pool = pool;
        this.decay = decay;
        this.connectivity = connectivity;
        this.outbox = outbox;
        this.clock = clock;
        this.solver = solver;
        this.locks = locks;
        this.settings = settings;
    }

    /** Refits every skill that is due, one transaction each; a skill that fails is tried at the next check. */
    @Scheduled(every = "${proofwork.ranking.refit.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refitDue() {
        return due(null)
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getString("skill"))
                .onItem().transformToUniAndConcatenate(skill -> skillIfStillDue(skill)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "refitting %s failed; it will be tried again", skill);
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    /**
     * Under a lock per skill, so two instances (or an operator and the schedule) never refit one skill at
     * once: the second waits and refits again from everything, the first one's result included.
     */
    @WithTransaction
    public Uni<Summary> skill(String skill) {
        return locks.lock("refit", skill).chain(() -> refitLocked(skill));
    }

    /** The schedule's refit: another instance may have refitted the skill while this one waited for the lock. */
    @WithTransaction
    Uni<Summary> skillIfStillDue(String skill) {
        return locks.lock("refit", skill).chain(() -> due(skill))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem() : refitLocked(skill));
    }

    private Uni<RowSet<Row>> due(String skill) {
        return pool.preparedQuery(DUE).execute(Tuple.of(settings.refit().afterReviews(),
                clock.instant().minus(settings.refit().every()).atOffset(ZoneOffset.UTC), skill,
                settings.refit().newTaskReviews()));
    }

    private Uni<Summary> refitLocked(String skill) {
        Reviews reviews = new Reviews(clock.instant().minus(IN_FLIGHT));
        long[] marks = new long[3];
        return Uni.createFrom().voidItem()
                .invoke(() -> marks[0] = System.nanoTime())
                .chain(() -> pool.preparedQuery(ANCHORS).execute(Tuple.of(skill))
                        .invoke(rows -> rows.forEach(row -> reviews.anchors.add(row.getString("task_id")))))
                .chain(() -> pool.preparedQuery(RUBRICS).execute(Tuple.of(skill, CriterionWeights.MIN_CRITERIA))
                        .invoke(rows -> rows.forEach(reviews::rubric)))
                .chain(() -> read(skill, reviews, new UUID(0, 0)))
                .invoke(reviews::weighCriteria)
                .chain(() -> {
                    if (reviews.evidence.size() == 0) {
                        // an operator's typo would otherwise be recorded as a refitted skill
                        throw new DomainException.NotFound("not-found", "Not found",
                                "skill " + skill + " has no reviews to refit yet");
                    }
                    marks[1] = System.nanoTime();
                    return solver.solve(new BatchRefit(settings.noiseSigma(), decay.gamma(skill)), reviews.evidence,
                            reviews.learners.size(), reviews.anchorTasks(), reviews.reviewers.size());
                })
                .invoke(() -> marks[2] = System.nanoTime())
                // online updates of the skill in flight finish first, and new ones wait for this transaction
                .call(() -> locks.lock(WRITING, skill))
                .call(() -> pool.preparedQuery(APPLIED_SINCE)
                        .execute(Tuple.of(skill, reviews.readFrom.atOffset(ZoneOffset.UTC))).invoke(reviews::leaveOnline))
                .chain(result -> replace(skill, reviews, result)
                        .replaceWith(() -> new Summary(skill, reviews.learners.size(), reviews.evidence.size(),
                                result.iterations(), seconds(marks[0], marks[1]), seconds(marks[1], marks[2]),
                                seconds(marks[2], System.nanoTime()), reviews.leftOnline.size())))
                .call(summary -> Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("skill", skill).setParameter("at", clock.instant())
                        .setParameter("reviews", summary.reviews()).executeUpdate()))
                .invoke(summary -> LOG.infof("refitted %s: %d learners, %d reviews; read %.1f s, solved %.1f s, "
                        + "wrote %.1f s; %d learners reviewed meanwhile left online", skill, summary.learners(),
                        summary.reviews(), summary.readSeconds(), summary.solveSeconds(), summary.writeSeconds(),
                        summary.leftOnline()));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /** The skill's reviews, a page at a time in review order, into compact indexes. */
    private Uni<Void> read(String skill, Reviews reviews, UUID after) {
        return pool.preparedQuery(REVIEWS).execute(Tuple.of(skill, after, PAGE)).chain(rows -> {
            UUID last = null;
            for (Row row : rows) {
                reviews.add(row);
                last = row.getUUID("review_id");
            }
            return rows.size() < PAGE ? Uni.createFrom().voidItem() : read(skill, reviews, last);
        });
    }

    /**
     * Everything the solver needs, as indexes: learners, tasks and reviewers by key, in first-seen order; and
     * the learners online updates have moved since the refit began reading, whom the refit leaves as they are.
     */
    private static final class Reviews {
        /** Reviews applied from here on may have been missed by the read. */
        final Instant readFrom;
        /** The reviews read that were applied since {@link #readFrom}: the few the read did see of those. */
        final Set<UUID> readRecently = new HashSet<>();
        final Set<String> leftOnline = new HashSet<>();
        final Map<String, Integer> learners = new HashMap<>();
        final Map<String, Integer> tasks = new HashMap<>();
        final Map<String, Integer> reviewers = new HashMap<>();
        /** The skill's anchor tasks (audition ids), taken in many cohorts on purpose. */
        final Set<String> anchors = new HashSet<>();
        final BatchRefit.Evidence evidence = new BatchRefit.Evidence();
        /** Tasks whose criteria's weights are learnt, by audition id. */
        final Map<String, TaskCriteria> criteria = new HashMap<>();

        Reviews(Instant readFrom) {
            this.readFrom = readFrom;
        }

        void add(Row row) {
            OffsetDateTime applied = row.getOffsetDateTime("applied_at");
            if (applied != null && !applied.toInstant().isBefore(readFrom)) {
                readRecently.add(row.getUUID("review_id"));
            }
            TaskCriteria task = criteria.get(row.getString("task_id"));
            if (task != null) {
                task.add(evidence.size(), row.getString("criterion_keys"), row.getArrayOfIntegers("criterion_points"));
            }
            evidence.add(index(learners, row.getString("learner_id")), index(tasks, row.getString("task_id")),
                    index(reviewers, row.getString("reviewer_id")), row.getDouble("score"),
                    row.getOffsetDateTime("observed_at").toInstant().toEpochMilli() / 86_400_000.0);
        }

        void rubric(Row row) {
            criteria.put(row.getString("task_id"), new TaskCriteria(row.getString("criterion_keys"),
                    Arrays.stream(row.getArrayOfIntegers("criterion_maxima")).mapToInt(Integer::intValue).toArray()));
        }

        /** Learns each task's criterion weights from the skill's reviews and reads every review it can under them. */
        void weighCriteria() {
            List<TaskCriteria> reviewed = criteria.values().stream().filter(task -> task.count > 0).toList();
            List<double[]> weights = CriterionWeights.learn(reviewed.stream().map(TaskCriteria::scored).toList());
            for (int t = 0; t < reviewed.size(); t++) {
                reviewed.get(t).weigh(weights.get(t), evidence);
            }
        }

        /**
         * The learners of reviews applied since the read began that the read did not see: one review moves a learner
         * of a few reviews far, so their online standing, which has it, stands. A task's or reviewer's of many
         * hardly moves, and takes the refit's estimate (a busy reviewer would otherwise never get their noise
         * learnt); the next refit reads the review for them too.
         */
        void leaveOnline(RowSet<Row> applied) {
            for (Row row : applied) {
                if (!readRecently.contains(row.getUUID("review_id"))) {
                    leftOnline.add(row.getString("learner_id"));
                }
            }
        }

        boolean[] anchorTasks() {
            boolean[] anchor = new boolean[tasks.size()];
            tasks.forEach((key, t) -> anchor[t] = anchors.contains(key));
            return anchor;
        }

        private static int index(Map<String, Integer> indexes, String key) {
            return indexes.computeIfAbsent(key, k -> indexes.size());
        }
    }

    /**
     * One task's rubric and the criterion scores of its reviews that score every criterion of it, as flat
     * primitives: a skill of 400,000 reviews adds a few megabytes, not an object per review.
     */
    private static final class TaskCriteria {
        /** As {@link dev.proofwork.ranking.model.CriterionPoints#keys()}. */
        final String keys;
        final int[] maxima;
        int[] reviews = new int[64];
        int[] scores;
        int count;
        double[] weights;

        TaskCriteria(String keys, int[] maxima) {
            this.keys = keys;
            this.maxima = maxima;
            scores = new int[reviews.length * maxima.length];
        }

        /** Keeps a review's points if they score this rubric's criteria. */
        void add(int review, String scoredKeys, Integer[] points) {
            if (!keys.equals(scoredKeys)) {
                return;
            }
            if (count == reviews.length) {
                reviews = Arrays.copyOf(reviews, 2 * count);
                scores = Arrays.copyOf(scores, 2 * count * maxima.length);
            }
            reviews[count] = review;
            for (int c = 0; c < maxima.length; c++) {
                scores[count * maxima.length + c] = points[c];
            }
            count++;
        }

        CriterionWeights.Task scored() {
            return new CriterionWeights.Task(List.of(keys.split(",")), maxima, Arrays.copyOf(scores, count * maxima.length));
        }

        void weigh(double[] learnt, BatchRefit.Evidence evidence) {
            weights = learnt;
            for (int i = 0; i < count; i++) {
                evidence.rescore(reviews[i], CriterionWeights.score(weights, scores, i * maxima.length));
            }
        }
    }

    /**
     * Puts the fitted beliefs in place of the online ones, records each learner's move, and announces every
     * learner's new score, all set-based in this transaction.
     */
    private Uni<Void> replace(String skill, Reviews reviews, BatchRefit.Result result) {
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        double gamma = decay.gamma(skill);
        ScoreDistribution scores = ScoreDistribution.ofScores(Arrays.stream(result.learners())
                .mapToInt(PublishedScore::of).toArray());
        List<Object[]> tasks = new ArrayList<>(reviews.tasks.size());
        List<Object[]> takers = new ArrayList<>(reviews.tasks.size());
        reviews.tasks.forEach((key, i) -> {
            tasks.add(new Object[] { skill, key, result.tasks()[i].mean(), result.tasks()[i].variance() });
            takers.add(new Object[] { skill, key, result.takers()[i].mean(), result.takers()[i].variance(), at });
        });
        List<Object[]> weights = new ArrayList<>();
        reviews.criteria.forEach((key, criteria) -> {
            if (criteria.weights != null) {
                weights.add(new Object[] { UUID.fromString(key), criteria.weights });
            }
        });
        List<Object[]> reviewers = new ArrayList<>(reviews.reviewers.size());
        reviews.reviewers.forEach((key, i) -> reviewers.add(new Object[] { skill, key, result.reviewers()[i].mean(),
                result.reviewers()[i].variance(), result.reviewerNoise()[i] }));
        return pool.preparedQuery(LEARNERS).execute(Tuple.of(skill)).chain(stored -> {
            List<Object[]> learners = new ArrayList<>(reviews.learners.size());
            List<Object[]> moves = new ArrayList<>(reviews.learners.size());
            for (Row row : stored) {
                Integer i = reviews.learners.get(row.getString("facet_key"));
                if (i == null || reviews.leftOnline.contains(row.getString("facet_key"))) {
                    continue;
                }
                Belief before = Facet.beliefAt(new Belief(row.getDouble("mu"), row.getDouble("variance")),
                        row.getOffsetDateTime("last_evidence_at").toInstant(), now, gamma);
                Belief after = result.learners()[i];
                learners.add(new Object[] { skill, row.getString("facet_key"), after.mean(), after.variance(),
                        result.placements()[i], PublishedScore.of(after) });
                moves.add(new Object[] { UUID.randomUUID(), skill, row.getString("facet_key"), at, before.mean(),
                        before.sigma(), after.mean(), after.sigma() });
            }
            return RowBatches.run(UPDATE_LEARNERS, List.of("skill text", "facet_key text", "mu float8", "variance float8",
                    "placement float8", "score int4"), learners)
                    .chain(() -> RowBatches.run(UPDATE_TASKS, List.of("skill text", "facet_key text", "mu float8",
                            "variance float8"), tasks))
                    .chain(() -> RowBatches.run(UPSERT_TAKERS, List.of("skill text", "facet_key text", "mu float8",
                            "variance float8", "at timestamptz"), takers))
                    .chain(() -> RowBatches.run(UPDATE_REVIEWERS, List.of("skill text", "facet_key text", "mu float8",
                            "variance float8", "noise float8"), reviewers))
                    .chain(() -> RowBatches.run(UPDATE_CRITERION_WEIGHTS, List.of("audition_id uuid", "weights float8[]"),
                            weights))
                    .chain(() -> RowBatches.run(INSERT_MOVES, List.of("id uuid", "skill text", "learner_id text",
                            "changed_at timestamptz", "mu_before float8", "sigma_before float8", "mu_after float8",
                            "sigma_after float8"), moves))
                    .chain(() -> connectivity.comparableLearners(skill))
                    .chain(comparable -> outbox.addAll(announcements(skill, reviews, result, scores, comparable, now)));
        });
    }

    private static List<RankingUpdated> announcements(String skill, Reviews reviews, BatchRefit.Result result,
            ScoreDistribution scores, Set<String> comparable, Instant now) {
        List<RankingUpdated> updates = new ArrayList<>(reviews.learners.size());
        reviews.learners.forEach((key, i) -> {
            if (reviews.leftOnline.contains(key)) {
                return;
            }
            Belief belief = result.learners()[i];
            int score = PublishedScore.of(belief);
            updates.add(new RankingUpdated(key, skill, score, belief.mean(), belief.sigma(),
                    scores.percentile(score), comparable.contains(key), now));
        });
        return updates;
    }
}
