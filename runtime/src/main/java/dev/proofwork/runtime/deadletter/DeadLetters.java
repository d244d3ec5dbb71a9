package dev.proofwork.runtime.deadletter;

import dev.proofwork.events.EventEnvelope;
import dev.proofwork.runtime.api.Page;
import dev.proofwork.runtime.domain.DomainException.InvalidState;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import dev.proofwork.runtime.inbox.InboxSettings;
import dev.proofwork.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records a consumer gave up on, kept for operators: the inbox records each one (the connector also writes it
 * to the dead-letter topic), operators list them and replay them. A replay publishes the event again, under its
 * own id, through the outbox, to the topic it came from; every consumer's inbox applies it at most once, so a
 * replay of an event that was applied elsewhere changes nothing there, and replaying twice publishes once. Inboxes
 * forget after a while ({@link InboxSettings#retention()}), so an event older than that is not replayed.
 */
@ApplicationScoped
public class DeadLetters {

    private static final String RECORD = """
            insert into dead_letter (id, consumer, source_topic, source_partition, source_offset, record_key,
                                     event_id, event_type, event_source, occurred_at, payload, reason,
                                     first_seen_at, last_seen_at)
            values (:id, :consumer, :topic, :partition, :offset, :key, :eventId, :eventType, :eventSource,
                    :occurredAt, :payload, :reason, :now, :now)
            on conflict (consumer, source_topic, source_partition, source_offset) do update
               set reason = excluded.reason, last_seen_at = excluded.last_seen_at,
                   deliveries = dead_letter.deliveries + 1""";

    /** Time for a replay to reach every consumer before the inbox forgets the event. */
    private static final Duration REPLAY_MARGIN = Duration.ofDays(1);

    private final DeadLetterRepository deadLetters;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration inboxRetention;

    DeadLetters(DeadLetterRepository deadLetters, Outbox outbox, Clock clock, InboxSettings inbox) {
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.clock = clock;
        this.inboxRetention = inbox.retention();
    }

    /**
     * Keeps what the consumer gave up on, in a transaction of its own (the consumer's was rolled back).
     *
     * @param envelope the decoded event, or null when the record could not be decoded
     */
    public Uni<Void> record(String consumer, IncomingKafkaRecordMetadata<?, ?> record, byte[] payload,
            EventEnvelope<?> envelope, String reason) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("id", UUID.randomUUID())
                .setParameter("consumer", consumer)
                .setParameter("topic", record.getTopic())
                .setParameter("partition", record.getPartition())
                .setParameter("offset", record.getOffset())
                .setParameter("key", record.getKey() == null ? null : record.getKey().toString())
                .setParameter("eventId", envelope == null ? null : envelope.id())
                .setParameter("eventType", envelope == null ? null : envelope.eventType().type())
                .setParameter("eventSource", envelope == null ? null : envelope.source())
                .setParameter("occurredAt", envelope == null ? null : OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .setParameter("payload", payload)
                .setParameter("reason", reason == null ? "no reason given" : reason)
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate())).replaceWithVoid();
    }

    /** Newest first; all consumers of this service, or one. */
    @WithSession
    public Uni<Page<DeadLetterView>> page(String consumer, int page, int size) {
        var query = deadLetters.newestFirst(consumer).page(page, size);
        Instant rememberedFrom = rememberedFrom();
        return query.list().chain(found -> query.count().map(total -> new Page<>(
                found.stream().map(deadLetter -> deadLetter.view(rememberedFrom)).toList(), page, size, total)));
    }

    /**
     * Publishes the event again; a dead letter already replayed is left as it is. Refused for a record that is
     * no event, and for an event older than consumers remember applying: one that applied it would again.
     */
    @WithTransaction
    public Uni<DeadLetterView> replay(UUID id) {
        Instant rememberedFrom = rememberedFrom();
        return deadLetters.findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("dead letter " + id))
                .call(deadLetter -> {
                    if (!deadLetter.decoded()) {
                        throw new InvalidState("not-replayable", "Cannot be replayed",
                                "the record could not be decoded as an event, so there is nothing to publish again; "
                                        + "fix its producer");
                    }
                    if (!deadLetter.replayed() && deadLetter.forgottenBy(rememberedFrom)) {
                        throw new InvalidState("too-old-to-replay", "Too old to replay",
                                "the event occurred at " + deadLetter.occurredAt() + ", and consumers remember the events "
                                        + "they applied for " + inboxRetention.toDays() + " days "
                                        + "(proofwork.inbox.retention, less a day for the replay to arrive): one that "
                                        + "applied it then would apply it again; apply its effect by hand instead");
                    }
                    return replayOnce(deadLetter);
                })
                .map(deadLetter -> deadLetter.view(rememberedFrom));
    }

    /** Replays every dead letter of the consumer that can be and was not yet; returns how many. */
    @WithTransaction
    public Uni<Integer> replayAll(String consumer) {
        return deadLetters.waitingForReplay(consumer, rememberedFrom())
                .onItem().transformToMulti(waiting -> Multi.createFrom().iterable(waiting))
                .onItem().transformToUniAndConcatenate(this::replayOnce)
                .collect().asList()
                .map(List::size);
    }

    /** The oldest event time a replay may carry: every consumer still remembers whether it applied the event. */
    private Instant rememberedFrom() {
        return clock.instant().minus(inboxRetention).plus(REPLAY_MARGIN);
    }

    private Uni<Void> replayOnce(DeadLetter deadLetter) {
        if (deadLetter.replayed()) {
            return Uni.createFrom().voidItem();
        }
        // as PostgreSQL keeps it, so the first answer and every later read show the same instant
        deadLetter.replayed(clock.instant().truncatedTo(ChronoUnit.MICROS));
        return outbox.republish(deadLetter.eventId(), deadLetter.sourceTopic(), deadLetter.recordKey(),
                deadLetter.eventType(), deadLetter.eventSource(), deadLetter.occurredAt(), deadLetter.payload());
    }
}
