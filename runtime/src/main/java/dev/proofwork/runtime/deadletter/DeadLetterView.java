package dev.proofwork.runtime.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as an operator reads it. {@code eventType} and {@code eventId} are null for a record that
 * could not be decoded; {@code deliveries} counts how often this same record was given up on; {@code replayable}
 * is false for such a record and for an event older than consumers remember applying.
 */
public record DeadLetterView(UUID id, String consumer, String sourceTopic, int sourcePartition, long sourceOffset,
        String recordKey, String eventType, UUID eventId, String reason, Instant firstSeenAt, Instant lastSeenAt, int deliveries,
        boolean replayable, Instant replayedAt) {
}
