package dev.proofwork.ranking.facets;

import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.DecayPolicy;
import dev.proofwork.ranking.model.ModelSettings;
import dev.proofwork.ranking.model.PublishedScore;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Refits a skill from all its reviews and replaces the online estimates in one transaction, so readers
 * see either the old state or the new one; online updates then continue from the refit. Each learner's new
 * standing is published. Refits run by themselves ({@link #refitDue}) and when an operator asks.
 */
@ApplicationScoped
public class Refit {

    public record Summary(String skill, int learners, int reviews, int iterations) {
    }

    private static final Logger LOG = Logger.getLogger(Refit.class);

    private static final String REVIEWS = """
            select a.learner_id, o.task_id::text as task_id, coalesce(c.anchor, false) as anchor, o.reviewer_id,
                   o.score, o.observed_at
            from review_observation o join submission_author a on a.submission_id = o.submission_id
            left join cohort c on c.audition_id = o.task_id
            where o.skill = $1""";

    /** Skills with new reviews since their last refit: enough of them, or a refit old enough. */
    private static final String DUE = """
            select o.skill from review_observation o left join skill_refit r on r.skill = o.skill
            where o.applied
            group by o.skill, r.reviews, r.refitted_at
            having count(*) - coalesce(r.reviews, 0) >= $1
                or (count(*) > coalesce(r.reviews, 0) and coalesce(r.refitted_at, min(o.observed_at)) < $2)""";

    private static final String RECORD = """
            insert into skill_refit (skill, refitted_at, reviews) values (:skill, :at, :reviews)
            on conflict (skill) do update set refitted_at = excluded.refitted_at, reviews = excluded.reviews""";

    private final Pool pool;
    private final FacetRepository facets;
    private final Repositories.ScoreChanges changes;
    private final DecayPolicy decay;
    private final Connectivity connectivity;
    private final Outbox outbox;
    private final Clock clock;
    private final Vertx vertx;
    private final TransactionLocks locks;
    private final ModelSettings settings;

    Refit(Pool pool, FacetRepository facets, Repositories.ScoreChanges changes, DecayPolicy decay,
            Connectivity connectivity, Outbox outbox, Clock clock, Vertx vertx, TransactionLocks locks,
            ModelSettings settings) {
        this.pool = pool;
        this.facets = facets;
        this.changes = changes;
        this.decay = decay;
        this.connectivity = connectivity;
        this.outbox = outbox;
        this.clock = clock;
        this.vertx = vertx;
        this.locks = locks;
        this.settings = settings;
    }

    /** Refits every skill that is due, one transaction each; a skill that fails is tried at the next check. */
    @Scheduled(every = "${proofwork.ranking.refit.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refitDue() {
        return pool.preparedQuery(DUE).execute(Tuple.of(settings.refit().afterReviews(),
                        clock.instant().minus(settings.refit().every()).atOffset(ZoneOffset.UTC)))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getString("skill"))
                .onItem().transformToUniAndConcatenate(skill -> skill(skill)
                        .invoke(summary -> LOG.infof("refitted %s: %d learners, %d reviews", skill, summary.learners(),
                                summary.reviews()))
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
        return locks.lock("refit", skill).chain(() -> pool.preparedQuery(REVIEWS).execute(Tuple.of(skill))).chain(rows -> {
            Map<String, Integer> learners = new HashMap<>();
            Map<String, Integer> tasks = new HashMap<>();
            Map<String, Integer> reviewers = new HashMap<>();
            List<Boolean> anchors = new ArrayList<>();
            List<BatchRefit.Observation> observations = new ArrayList<>();
            for (Row row : rows) {
                int task = index(tasks, row.getString("task_id"));
                if (task == anchors.size()) {
                    anchors.add(row.getBoolean("anchor"));
                }
                observations.add(new BatchRefit.Observation(index(learners, row.getString("learner_id")), task,
                        index(reviewers, row.getString("reviewer_id")), row.getDouble("score"),
                        day(row.getOffsetDateTime("observed_at").toInstant())));
            }
            boolean[] anchorTasks = new boolean[anchors.size()];
            for (int t = 0; t < anchorTasks.length; t++) {
                anchorTasks[t] = anchors.get(t);
            }
            // the solver runs on a worker thread and answers on this request's context, where the session lives
            BatchRefit refit = new BatchRefit(settings.noiseSigma(), decay.gamma(skill));
            return vertx.executeBlocking(Uni.createFrom().item(
                    () -> refit.fit(observations, learners.size(), anchorTasks, reviewers.size())))
                    .chain(result -> replace(skill, learners, tasks, reviewers, observations.size(), result))
                    .call(summary -> Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                            .setParameter("skill", skill).setParameter("at", clock.instant())
                            .setParameter("reviews", summary.reviews()).executeUpdate()));
        });
    }

    /** Puts the fitted beliefs in place of the online ones and announces every learner's new score. */
    private Uni<Summary> replace(String skill, Map<String, Integer> learners, Map<String, Integer> tasks,
            Map<String, Integer> reviewers, int observations, BatchRefit.Result result) {
        Map<FacetId, Belief> fitted = new HashMap<>();
        learners.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.LEARNER, key), result.learners()[i]));
        tasks.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.TASK, key), result.tasks()[i]));
        reviewers.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.REVIEWER, key), result.reviewers()[i]));
        Map<String, Double> noise = new HashMap<>();
        reviewers.forEach((key, i) -> noise.put(key, result.reviewerNoise()[i]));
        int[] scores = Arrays.stream(result.learners()).mapToInt(PublishedScore::of).sorted().toArray();
        Instant now = clock.instant();
        List<ScoreChange> moves = new ArrayList<>();
        return facets.list("id.skill", skill)
                .invoke(all -> all.forEach(facet -> {
                    Belief belief = fitted.get(facet.id());
                    if (belief != null) {
                        if (facet.id().kind() == FacetKind.LEARNER) {
                            moves.add(ScoreChange.refit(facet.id(), now, facet.beliefAt(now, decay.gamma(skill)), belief));
                        }
                        facet.replace(belief);
                        if (facet.id().kind() == FacetKind.REVIEWER) {
                            facet.noiseEstimated(noise.get(facet.id().key()));
                        }
                    }
                }))
                .call(() -> changes.persist(moves))
                .chain(all -> connectivity.comparableLearners(skill).chain(comparable -> Multi.createFrom().iterable(all)
                        .filter(facet -> facet.id().kind() == FacetKind.LEARNER && fitted.containsKey(facet.id()))
                        .onItem().transformToUniAndConcatenate(facet -> announce(facet, fitted.get(facet.id()),
                                scores, comparable.contains(facet.id().key())))
                        .collect().last()))
                .replaceWith(new Summary(skill, learners.size(), observations, result.iterations()));
    }

    private Uni<Void> announce(Facet learner, Belief belief, int[] sortedScores, boolean comparable) {
        int score = PublishedScore.of(belief);
        return outbox.add(new RankingUpdated(learner.id().key(), learner.id().skill(), score, belief.mean(),
                belief.sigma(), Leaderboard.percentile(sortedScores, score), comparable, clock.instant())).replaceWithVoid();
    }

    private static double day(Instant at) {
        return at.toEpochMilli() / 86_400_000.0;
    }

    private static int index(Map<String, Integer> indexes, String key) {
        return indexes.computeIfAbsent(key, k -> indexes.size());
    }
}
