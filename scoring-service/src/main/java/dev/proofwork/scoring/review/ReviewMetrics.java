package dev.proofwork.scoring.review;

import dev.proofwork.runtime.metrics.CountGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Review tasks by kind (review, adjudication, appeal, gold) and state, for operators to watch queues on /q/metrics. */
@ApplicationScoped
class ReviewMetrics {

    void register(@Observes StartupEvent started, CountGauges gauges) {
        gauges.register("proofwork.review.tasks", "review tasks by kind and status",
                "select kind, status, count(*) as count from review_task group by kind, status", "kind", "status");
    }
}
