package dev.proofwork.events;

import java.time.Instant;

/** Published by ranking-service, keyed by learner id. */
public sealed interface RankingEvent extends ProofworkEvent {

    String learnerId();

    @Override
    default String aggregateId() {
        return learnerId();
    }

    record RankingUpdated(String learnerId, String skill, int score, double mu, double sigma, double percentile,
            boolean comparable, Instant updatedAt) implements RankingEvent {
    }
}
