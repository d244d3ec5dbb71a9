package dev.proofwork.runtime.deadletter;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A record one consumer gave up on: where it came from, what it was, why it failed, and whether it was replayed. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    private UUID id;
    private String consumer;
    private String sourceTopic;
    private int sourcePartition;
    private long sourceOffset;
    private String recordKey;
    private UUID eventId;
    private String eventType;
    private String eventSource;
    private Instant occurredAt;
    private byte[] payload;
    private String reason;
    private Instant firstSeenAt;
    private Instant lastSeenAt;
    private int deliveries;
    private Instant replayedAt;

    protected DeadLetter() {
    }

    /** A record that could not even be decoded has no event to publish again. */
    boolean decoded() {
        return eventId != null;
    }

    /** Whether the event occurred before consumers' memory of applied events begins: a replay could apply it twice. */
    boolean forgottenBy(Instant rememberedFrom) {
        return occurredAt != null && occurredAt.isBefore(rememberedFrom);
    }

    boolean replayed() {
        return replayedAt != null;
    }

    void replayed(Instant at) {
        replayedAt = at;
    }

    UUID id() {
        return id;
    }

    String sourceTopic() {
        return sourceTopic;
    }

    String recordKey() {
        return recordKey;
    }

    UUID eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    String eventSource() {
        return eventSource;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    byte[] payload() {
        return payload;
    }

    /** @param rememberedFrom the oldest event consumers still remember applying */
    DeadLetterView view(Instant rememberedFrom) {
        return new DeadLetterView(id, consumer, sourceTopic, sourcePartition, sourceOffset, recordKey, eventType, eventId, reason,
                firstSeenAt, lastSeenAt, deliveries, decoded() && !forgottenBy(rememberedFrom), replayedAt);
    }
}
