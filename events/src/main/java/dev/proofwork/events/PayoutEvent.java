package dev.proofwork.events;

import java.time.Instant;
import java.util.UUID;

/** Transfers to learners, published by payout-service, keyed by learner id. */
public sealed interface PayoutEvent extends ProofworkEvent {

    String learnerId();

    @Override
    default String aggregateId() {
        return learnerId();
    }

    record PayoutSent(UUID payoutId, String learnerId, Money amount, String providerReference, Instant sentAt)
            implements PayoutEvent {
    }

    record PayoutFailed(UUID payoutId, String learnerId, Money amount, String reason, int attempt, Instant failedAt)
            implements PayoutEvent {
    }
}
