package dev.proofwork.runtime.outbox;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.EventType;
import dev.proofwork.events.ProofworkEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's open transaction, so the event exists exactly when the state change
 * it describes commits. {@link OutboxRelay} publishes it afterwards; nothing here talks to Kafka.
 */
@ApplicationScoped
public class Outbox {

    // the payload is bound as text for PostgreSQL to parse: bound as jsonb it would be stored as one JSON string
    private static final String INSERT = """
            insert into outbox (event_id, topic, record_key, event_type, source, occurred_at, payload)
            values (:eventId, :topic, :recordKey, :eventType, :source, :occurredAt, cast(cast(:payload as text) as jsonb))""";

    private final Clock clock;
    private final String source;

    Outbox(Clock clock, @ConfigProperty(name = "quarkus.application.name") String source) {
        this.clock = clock;
        this.source = source;
    }

    /** Must run inside a transaction ({@code Panache.withTransaction} or {@code @WithTransaction}). */
    public Uni<EventEnvelope<?>> add(ProofworkEvent event) {
        EventEnvelope<?> envelope = EventEnvelope.of(source, clock.instant(), event);
        EventType<?> type = envelope.eventType();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("eventId", envelope.id())
                        .setParameter("topic", type.topic())
                        .setParameter("recordKey", envelope.key())
                        .setParameter("eventType", type.type())
                        .setParameter("source", envelope.source())
                        .setParameter("occurredAt", OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                        .setParameter("payload",
                                new String(CloudEventCodec.encodeData(event), StandardCharsets.UTF_8))
                        .executeUpdate())
                .replaceWith(envelope);
    }
}
