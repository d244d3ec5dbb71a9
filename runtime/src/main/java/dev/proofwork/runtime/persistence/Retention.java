package dev.proofwork.runtime.persistence;

import dev.proofwork.runtime.inbox.InboxSettings;
import dev.proofwork.runtime.outbox.OutboxSettings;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the inbox from growing without end ({@code proofwork.retention.every}, hourly). The outbox is a queue in front of Kafka, not
 * a second copy of it: a published row goes after {@link OutboxSettings#retention()} (unpublished ones never).
 * The inbox remembers each event a consumer applied for {@link InboxSettings#retention()}, longer than the broker
 * keeps a record to deliver again; a dead letter older than that is no longer replayed.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    /** Rows per statement, so a first purge of a long-kept table holds no lock for long. */
    private static final int ROWS = 10_000;
    // oldest first along the primary key: rows are published in position order, so the old ones lead
    private static final String PUBLISHED = """
            delete from outbox where position in (
                select position from outbox where published_at < $1 order by position limit $2)""";
    private static final String APPLIED = """
            delete from processed_event where (consumer, event_id) in (
                select consumer, event_id from processed_event where processed_at < $1 limit $2)""";

    private final Pool pool;
    private final Clock clock;
    private final Duration outbox;
    private final Duration inbox;

    Retention(Pool pool, Clock clock, OutboxSettings outbox, InboxSettings inbox) {
        this.pool = pool;
        this.clock = clock;
        this.outbox = outbox.retention();
        this.inbox = inbox.retention();
    }

    @Scheduled(every = "${proofwork.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        return purgePublished().chain(published -> purgeApplied().invoke(applied -> {
            if (published + applied > 0) {
                LOG.infof("deleted %d outbox rows published more than %s ago and forgot %d events applied more than %s ago",
                        published, outbox, applied, inbox);
            }
        })).replaceWithVoid();
    }

    /** @return how many published outbox rows were deleted */
    public Uni<Long> purgePublished() {
        return delete(PUBLISHED, clock.instant().minus(outbox).atOffset(ZoneOffset.UTC), 0);
    }

    /** @return how many applied events the inbox forgot */
    public Uni<Long> purgeApplied() {
        return delete(APPLIED, clock.instant().minus(inbox).atOffset(ZoneOffset.UTC), 0);
    }

    private Uni<Long> delete(String statement, OffsetDateTime before, long deleted) {
        return pool.preparedQuery(statement).execute(Tuple.of(before, ROWS)).chain(rows -> rows.rowCount() < ROWS
                ? Uni.createFrom().item(deleted + rows.rowCount())
                : delete(statement, before, deleted + rows.rowCount()));
    }
}
