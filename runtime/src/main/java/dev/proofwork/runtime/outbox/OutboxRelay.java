package dev.proofwork.runtime.outbox;

import dev.proofwork.events.CloudEventCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in position order, in batches, and marks them published only
 * after the broker acknowledged every record of the batch. A crash between send and mark leaves the rows
 * unpublished, so they are sent again: delivery is at least once, and consumers deduplicate on the event id.
 *
 * <p>One relay per database works at a time (a transaction-scoped advisory lock), so a second instance
 * of a service cannot reorder an aggregate's events by publishing a later batch first.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed key of the advisory lock that elects the relaying instance. */
    private static final long RELAY_LOCK = 0x70726f6f66L;
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

    private static final String SELECT_BATCH = """
            select position, event_id, topic, record_key, event_type, source, occurred_at, payload::text as payload,
                   trace_parent
            from outbox where published_at is null order by position limit $1""";
    private static final String MARK_PUBLISHED = "update outbox set published_at = now() where position = any($1)";
    private static final String BACKLOG = "select count(*) as waiting from outbox where published_at is null";

    private final Pool pool;
    private final Emitter<byte[]> emitter;
    private final int batchSize;
    private final MeterRegistry metrics;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant lastProgress = Instant.now();
    private volatile String lastFailure;
    private Vertx vertx;
    private long timer;
    private long backlogTimer;

    OutboxRelay(Pool pool,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<byte[]> emitter,
            OutboxSettings settings, MeterRegistry metrics) {
        this.pool = pool;
        this.metrics = metrics;
        Gauge.builder("proofwork.outbox.backlog", backlog, AtomicLong::get)
                .description("events committed but not yet published to Kafka")
                .register(metrics);
        this.emitter = emitter;
        this.batchSize = settings.batchSize();
    }

    /**
     * Polls on a Vert.x timer rather than the scheduler, whose interval cannot go below a second. The start
     * delay lets Reactive Messaging connect the emitter's channel first.
     */
    void start(@Observes StartupEvent started, Vertx vertx, OutboxSettings settings) {
        this.vertx = vertx;
        long delay = settings.startDelay().toMillis();
        timer = vertx.setPeriodic(delay, settings.pollInterval().toMillis(), tick -> relay());
        backlogTimer = vertx.setPeriodic(delay, BACKLOG_EVERY.toMillis(), tick -> measureBacklog());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (vertx != null) {
            vertx.cancelTimer(timer);
            vertx.cancelTimer(backlogTimer);
        }
    }

    private void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        drain().subscribe().with(published -> running.set(false), failure -> {
            running.set(false);
            lastFailure = failure.toString();
            LOG.warnf(failure, "outbox relay failed; unpublished events will be retried");
        });
    }

    /** Relays batches until the outbox has no unpublished row left; returns how many were published. */
    public Uni<Integer> drain() {
        return relayBatch().invoke(this::progressed).chain(published -> published < batchSize
                ? Uni.createFrom().item(published)
                : drain().map(more -> published + more));
    }

    private void measureBacklog() {
        pool.query(BACKLOG).execute()
                .subscribe().with(rows -> backlog.set(rows.iterator().next().getLong("waiting")),
                        failure -> LOG.debugf("could not measure the outbox backlog: %s", failure.getMessage()));
    }

    /** A batch went out, or there was nothing to send: either way the relay is keeping up. */
    private void progressed() {
        lastProgress = Instant.now();
        lastFailure = null;
    }

    /** When the relay last published a batch or found nothing to publish; its start while it has done neither. */
    Instant lastProgress() {
        return lastProgress;
    }

    /** Why its last attempt failed, or null. */
    String lastFailure() {
        return lastFailure;
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select pg_try_advisory_xact_lock($1) as leader").execute(Tuple.of(RELAY_LOCK))
                .chain(rows -> rows.iterator().next().getBoolean("leader")
                        ? publishBatch(connection)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection connection) {
        return connection.preparedQuery(SELECT_BATCH).execute(Tuple.of(batchSize))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> positions = new ArrayList<>(rows.size());
                    List<String> types = new ArrayList<>(rows.size());
                    List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        positions.add(row.getLong("position"));
                        types.add(row.getString("event_type"));
                        acks.add(send(row));
                    }
                    return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
                            .chain(() -> connection.preparedQuery(MARK_PUBLISHED)
                                    .execute(Tuple.of(positions.toArray(Long[]::new))))
                            .invoke(() -> types.forEach(this::countPublished))
                            .map(RowSet::rowCount);
                });
    }

    /** Every business fact is an event, so this one counter tells submissions, reviews, payouts and invoices apart. */
    private void countPublished(String eventType) {
        metrics.counter("proofwork.events.published", "type", eventType).increment();
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("record_key"))
                .withHeaders(CloudEventCodec.headers(row.getUUID("event_id"), row.getString("event_type"),
                        row.getString("source"), row.getOffsetDateTime("occurred_at").toInstant()))
                .build();
        Message<byte[]> message = Message.of(row.getString("payload").getBytes(StandardCharsets.UTF_8))
                .addMetadata(metadata)
                .addMetadata(tracing(row.getString("trace_parent")))
                .withAck(() -> complete(acked))
                .withNack(failure -> fail(acked, failure));
        emitter.send(message);
        return acked;
    }

    /** The trace the event was written in: its record is published as part of it, not of the relay's own work. */
    private static TracingMetadata tracing(String traceParent) {
        Context trace = traceOf(traceParent);
        return TracingMetadata.with(trace, trace);
    }

    private static Context traceOf(String traceParent) {
        String[] parts = traceParent == null ? new String[0] : traceParent.split("-");
        if (parts.length != 4) {
            return Context.root();
        }
        SpanContext parent = SpanContext.createFromRemoteParent(parts[1], parts[2], TraceFlags.fromHex(parts[3], 0),
                TraceState.getDefault());
        return parent.isValid() ? Context.root().with(Span.wrap(parent)) : Context.root();
    }

    private static CompletionStage<Void> complete(CompletableFuture<Void> acked) {
        acked.complete(null);
        return CompletableFuture.completedFuture(null);
    }

    private static CompletionStage<Void> fail(CompletableFuture<Void> acked, Throwable failure) {
        acked.completeExceptionally(failure);
        return CompletableFuture.completedFuture(null);
    }
}
