package dev.proofwork.runtime.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, UUID> {

    PanacheQuery<DeadLetter> newestFirst(String consumer) {
        return consumer == null
                ? find("order by firstSeenAt desc, id")
                : find("consumer = ?1 order by firstSeenAt desc, id", consumer);
    }

    /** Those a replay may still publish: decoded, not replayed, and of an event no older than {@code occurredFrom}. */
    Uni<List<DeadLetter>> waitingForReplay(String consumer, Instant occurredFrom) {
        return list("consumer = ?1 and replayedAt is null and eventId is not null and occurredAt >= ?2 "
                + "order by firstSeenAt, id", consumer, occurredFrom);
    }
}
