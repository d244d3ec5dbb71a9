package dev.proofwork.runtime.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepositoryBase<DeadLetter, UUID> {

    PanacheQuery<DeadLetter> newestFirst(String consumer) {
        return consumer == null
                ? find("order by firstSeenAt desc, id")
                : find("consumer = ?1 order by firstSeenAt desc, id", consumer);
    }

    Uni<List<DeadLetter>> waitingForReplay(String consumer) {
        return list("consumer = ?1 and replayedAt is null and eventId is not null order by firstSeenAt, id", consumer);
    }
}
