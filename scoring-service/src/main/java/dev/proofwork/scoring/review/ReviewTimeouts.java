package dev.proofwork.scoring.review;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Returns reviews nobody finished within the timeout to the pool, so no submission waits on one reviewer. */
@ApplicationScoped
public class ReviewTimeouts {

    private final ReviewAssigner assigner;
    private final Duration timeout;

    ReviewTimeouts(ReviewAssigner assigner, ReviewSettings settings) {
        this.assigner = assigner;
        this.timeout = settings.timeout();
    }

    @Scheduled(every = "${proofwork.reviews.timeout-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return releaseOverdue().replaceWithVoid();
    }

    /** Returns how many tasks went back to the pool. */
    public Uni<Integer> releaseOverdue() {
        return assigner.releaseOverdue(timeout);
    }
}
