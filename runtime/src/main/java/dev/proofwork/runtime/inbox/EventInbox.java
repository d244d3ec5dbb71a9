package dev.proofwork.runtime.inbox;

import dev.proofwork.events.CloudEventCodec;
import dev.proofwork.events.EventEnvelope;
import dev.proofwork.events.MalformedEventException;
import dev.proofwork.runtime.deadletter.DeadLetters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies each incoming event at most once per consumer: the event id is recorded in
 * {@code processed_event} in the same transaction as the consumer's effect, and an id already recorded
 * is acknowledged without effect. A record that cannot be decoded, or whose effect still fails after
 * the configured retries, is kept as a {@link DeadLetters dead letter} for operators and nacked, which
 * sends it with the reason to the dead-letter topic.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;
    private final int retries;
    private final Duration backoff;

    EventInbox(DeadLetters deadLetters, MeterRegistry metrics, InboxSettings settings) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retries = settings.retries();
        this.backoff = settings.backoff();
    }

    /**
     * @param consumer a name stable across releases: renaming it makes the consumer apply old events again
     * @param effect   the consumer's change, run inside the transaction that records the event id
     */
    @ActivateRequestContext
    public Uni<Void> consume(Message<byte[]> message, String consumer, Function<EventEnvelope<?>, Uni<Void>> effect) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException(consumer + " consumes Kafka records only"));
        EventEnvelope<?> envelope;
        try {
            envelope = CloudEventCodec.decode(record.getHeaders(), message.getPayload());
        } catch (MalformedEventException e) {
            LOG.warnf("%s dead-lettered a malformed record: %s", consumer, e.getMessage());
            return deadLetter(message, consumer, record, null, e);
        }
        return Panache.withTransaction(() -> firstDelivery(consumer, envelope)
                        .chain(first -> first ? effect.apply(envelope).replaceWith(true) : Uni.createFrom().item(false)))
                .invoke(applied -> count(consumer, applied ? "applied" : "duplicate"))
                .onFailure().retry().withBackOff(backoff).atMost(retries)
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf(failure, "%s dead-lettered %s %s after %d retries", consumer,
                            envelope.eventType().type(), envelope.id(), retries);
                    return deadLetter(message, consumer, record, envelope, failure);
                });
    }

    /** Events per consumer and outcome: applied, duplicate (an event id already applied), dead-lettered. */
    private void count(String consumer, String outcome) {
        metrics.counter("proofwork.inbox.events", "consumer", consumer, "outcome", outcome).increment();
    }

    /** Kept for operators first; the nack that sends it to the dead-letter topic follows even if keeping it failed. */
    private Uni<Void> deadLetter(Message<byte[]> message, String consumer, IncomingKafkaRecordMetadata<?, ?> record,
            EventEnvelope<?> envelope, Throwable reason) {
        count(consumer, "dead-lettered");
        return deadLetters.record(consumer, record, message.getPayload(), envelope, reason.toString())
                .onFailure().invoke(failure -> LOG.errorf(failure, "%s could not keep a dead letter of %s-%d@%d",
                        consumer, record.getTopic(), record.getPartition(), record.getOffset()))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(message.nack(reason)));
    }

    private static Uni<Boolean> firstDelivery(String consumer, EventEnvelope<?> envelope) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("consumer", consumer)
                .setParameter("eventId", envelope.id())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
