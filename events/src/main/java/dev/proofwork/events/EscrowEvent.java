package dev.proofwork.events;

import java.time.Instant;
import java.util.UUID;

/** payout-service's answer to a publish request, keyed by audition id. */
public sealed interface EscrowEvent extends ProofworkEvent {

    UUID auditionId();

    @Override
    default String aggregateId() {
        return auditionId().toString();
    }

    record EscrowFunded(UUID auditionId, String orgId, Money amount, Instant fundedAt) implements EscrowEvent {
    }

    record EscrowRefused(UUID auditionId, String orgId, Money required, Money available, Money shortfall,
            Instant refusedAt) implements EscrowEvent {
    }
}
