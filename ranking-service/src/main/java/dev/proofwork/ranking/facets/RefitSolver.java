package dev.proofwork.ranking.facets;

import dev.proofwork.ranking.model.BatchRefit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a refit's mathematics on a worker thread, off the event loop (seconds for a large skill), and answers
 * on the caller's context, where its database session lives.
 */
@ApplicationScoped
public class RefitSolver {

    private final Vertx vertx;

    public RefitSolver(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<BatchRefit.Result> solve(BatchRefit refit, BatchRefit.Evidence evidence, int learners,
            boolean[] anchorTasks, int reviewers) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> refit.fit(evidence, learners, anchorTasks, reviewers)));
    }
}
