package dev.proofwork.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents context: a unique id (what consumers deduplicate on), the producing
 * service as source, and the time it happened.
 */
public record EventEnvelope<E extends ProofworkEvent>(UUID id, String source, Instant time, E data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public static <E extends ProofworkEvent> EventEnvelope<E> of(String source, Instant time, E data) {
        return new EventEnvelope<>(UUID.randomUUID(), source, time, data);
    }

    public EventType<?> eventType() {
        return EventCatalog.of(data);
    }

    public String topic() {
        return eventType().topic();
    }

    public String key() {
        return data.aggregateId();
    }
}
