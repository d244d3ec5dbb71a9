package dev.proofwork.payout.ledger;

import dev.proofwork.runtime.metrics.CountGauges;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Ledger postings by kind and transfers by state on /q/metrics: money moving, and payouts sent, settled or failed. */
@ApplicationScoped
class LedgerMetrics {

    void register(@Observes StartupEvent started, CountGauges gauges) {
        gauges.register("proofwork.ledger.postings", "ledger postings by kind",
                "select kind, count(*) as count from posting group by kind", "kind");
        gauges.register("proofwork.payout.transfers", "transfers to learners by state",
                "select state, count(*) as count from transfer group by state", "state");
    }
}
