package dev.proofwork.runtime.outbox;

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
 * Deletes published outbox rows older than {@link OutboxSettings#retention()}. The outbox is a queue in front
 * of Kafka, not a second copy of it: kept for ever, it would grow by every event a service ever sent (a
 * refit alone announces each learner of a skill), and so would the work of every scan past published rows.
 * Unpublished rows are never touched, however old.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    /** Rows per statement, so a first purge of a long-kept outbox holds no lock for long. */
    private static final int ROWS = 10_000;
    // oldest first along the primary key: rows are published in position order, so the old ones lead
    private static final String PURGE = """
            delete from outbox where position in (
                select position from outbox where published_at < $1 order by position limit $2)""";

    private final Pool pool;
    private final Clock clock;
    private final Duration retention;

    OutboxRetention(Pool pool, Clock clock, OutboxSettings settings) {
        this.pool = pool;
        this.clock = clock;
        this.retention = settings.retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        return purge().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("deleted %d outbox rows published more than %s ago", deleted, retention);
            }
        }).replaceWithVoid();
    }

    /** @return how many published rows were deleted */
    public Uni<Long> purge() {
        return purge(clock.instant().minus(retention).atOffset(ZoneOffset.UTC), 0);
    }

    private Uni<Long> purge(OffsetDateTime publishedBefore, long deleted) {
        return pool.preparedQuery(PURGE).execute(Tuple.of(publishedBefore, ROWS)).chain(rows -> rows.rowCount() < ROWS
                ? Uni.createFrom().item(deleted + rows.rowCount())
                : purge(publishedBefore, deleted + rows.rowCount()));
    }
}
