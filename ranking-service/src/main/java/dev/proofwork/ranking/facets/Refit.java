package dev.proofwork.ranking.facets;

import dev.proofwork.events.RankingEvent.RankingUpdated;
import dev.proofwork.ranking.model.BatchRefit;
import dev.proofwork.ranking.model.Belief;
import dev.proofwork.ranking.model.DecayPolicy;
import dev.proofwork.ranking.model.ModelSettings;
import dev.proofwork.ranking.model.PublishedScore;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refits a skill from all its reviews and replaces the online estimates in one transaction, so readers
 * see either the old state or the new one. Each learner's new standing is published.
 */
@ApplicationScoped
public class Refit {

    public record Summary(String skill, int learners, int reviews, int iterations) {
    }

    private static final String REVIEWS = """
            select a.learner_id, o.task_id::text as task_id, o.reviewer_id, o.score
            from review_observation o join submission_author a on a.submission_id = o.submission_id
            where o.skill = $1""";

    private final Pool pool;
    private final FacetRepository facets;
    private final Repositories.ScoreChanges changes;
    private final DecayPolicy decay;
    private final Connectivity connectivity;
    private final Outbox outbox;
    private final Clock clock;
    private final Vertx vertx;
    private final BatchRefit refit;

    Refit(Pool pool, FacetRepository facets, Repositories.ScoreChanges changes, DecayPolicy decay,
            Connectivity connectivity, Outbox outbox, Clock clock, Vertx vertx,
            ModelSettings settings) {
        this.pool = pool;
        this.facets = facets;
        this.changes = changes;
        this.decay = decay;
        this.connectivity = connectivity;
        this.outbox = outbox;
        this.clock = clock;
        this.vertx = vertx;
        this.refit = new BatchRefit(settings.noiseSigma(), RankingService.LEARNER_PRIOR, RankingService.TASK_PRIOR,
                RankingService.REVIEWER_PRIOR);
    }

    @WithTransaction
    public Uni<Summary> skill(String skill) {
        return pool.preparedQuery(REVIEWS).execute(Tuple.of(skill)).chain(rows -> {
            Map<String, Integer> learners = new HashMap<>();
            Map<String, Integer> tasks = new HashMap<>();
            Map<String, Integer> reviewers = new HashMap<>();
            List<BatchRefit.Observation> observations = new ArrayList<>();
            for (Row row : rows) {
                observations.add(new BatchRefit.Observation(index(learners, row.getString("learner_id")),
                        index(tasks, row.getString("task_id")), index(reviewers, row.getString("reviewer_id")),
                        row.getDouble("score")));
            }
            // the solver runs on a worker thread and answers on this request's context, where the session lives
            return vertx.executeBlocking(Uni.createFrom().item(
                    () -> refit.fit(observations, learners.size(), tasks.size(), reviewers.size())))
                    .chain(result -> replace(skill, learners, tasks, reviewers, observations.size(), result));
        });
    }

    /** Puts the fitted beliefs in place of the online ones and announces every learner's new score. */
    private Uni<Summary> replace(String skill, Map<String, Integer> learners, Map<String, Integer> tasks,
            Map<String, Integer> reviewers, int observations, BatchRefit.Result result) {
        Map<FacetId, Belief> fitted = new HashMap<>();
        learners.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.LEARNER, key), result.learners()[i]));
        tasks.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.TASK, key), result.tasks()[i]));
        reviewers.forEach((key, i) -> fitted.put(new FacetId(skill, FacetKind.REVIEWER, key), result.reviewers()[i]));
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

    private static int index(Map<String, Integer> indexes, String key) {
        return indexes.computeIfAbsent(key, k -> indexes.size());
    }
}
