package dev.proofwork.runtime.outbox;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.EventType;
import dev.proofwork.events.ProofworkEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import dev.proofwork.runtime.persistence.RowBatches;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's open transaction, so the event exists exactly when the state change
 * it describes commits. {@link OutboxRelay} publishes it afterwards; nothing here talks to Kafka.
 */
@ApplicationScoped
public class Outbox {

    // the payload is bound as text for PostgreSQL to parse: bound as jsonb it would be stored as one JSON string
    private static final String INSERT = """
            insert into outbox (event_id, topic, record_key, event_type, source, occurred_at, payload, trace_parent)
            values (:eventId, :topic, :recordKey, :eventType, :source, :occurredAt, cast(cast(:payload as text) as jsonb),
                    :traceParent)""";

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
        return insert(INSERT, envelope.id(), type.topic(), envelope.key(), type.type(), envelope.source(),
                envelope.time(), CloudEventCodec.encodeData(event)).replaceWith(envelope);
    }

    /**
     * Records many events in the caller's transaction in a few statements (a refit announces every learner of
     * a skill at once). Must run inside a transaction.
     */
    public Uni<Void> addAll(List<? extends ProofworkEvent> events) {
        Instant now = clock.instant();
        String trace = traceParent();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (ProofworkEvent event : events) {
            EventEnvelope<?> envelope = EventEnvelope.of(source, now, event);
            EventType<?> type = envelope.eventType();
            rows.add(new Object[] { envelope.id(), type.topic(), envelope.key(), type.type(), envelope.source(),
                    OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC),
                    new RowBatches.Json(new String(CloudEventCodec.encodeData(event), StandardCharsets.UTF_8)), trace });
        }
        return RowBatches.run("""
                insert into outbox (event_id, topic, record_key, event_type, source, occurred_at, payload, trace_parent)
                select v.event_id, v.topic, v.record_key, v.event_type, v.source, v.occurred_at, v.payload, v.trace_parent
                from %s""",
                List.of("event_id uuid", "topic text", "record_key text", "event_type text", "source text",
                        "occurred_at timestamptz", "payload jsonb", "trace_parent text"),
                rows);
    }

    /**
     * Publishes an event again, as it was first published (same id, source and time), for a replay of a dead
     * letter; an event this service published itself goes out again from its own row. Runs in the caller's
     * transaction.
     */
    public Uni<Void> republish(UUID eventId, String topic, String recordKey, String eventType, String eventSource,
            Instant occurredAt, byte[] payload) {
        return insert(INSERT + " on conflict (event_id) do update set published_at = null", eventId, topic, recordKey,
                eventType, eventSource, occurredAt, payload).replaceWithVoid();
    }

    private static Uni<Integer> insert(String statement, UUID eventId, String topic, String recordKey, String eventType,
            String eventSource, Instant occurredAt, byte[] payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery(statement)
                .setParameter("eventId", eventId)
                .setParameter("topic", topic)
                .setParameter("recordKey", recordKey)
                .setParameter("eventType", eventType)
                .setParameter("source", eventSource)
                .setParameter("occurredAt", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC))
                .setParameter("payload", new String(payload, StandardCharsets.UTF_8))
                .setParameter("traceParent", traceParent())
                .executeUpdate());
    }

    /** The current span as a W3C traceparent, when tracing is on and a span is current. */
    private static String traceParent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
