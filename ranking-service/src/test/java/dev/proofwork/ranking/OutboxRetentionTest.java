package dev.proofwork.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofwork.runtime.persistence.Retention;
import dev.proofwork.testkit.ProofworkTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class OutboxRetentionTest {

    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void publishedRowsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        UUID eightDaysOld = published(8);
        UUID sixDaysOld = published(6);

        long deleted = retention.purgePublished().await().indefinitely();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(stored(eightDaysOld, sixDaysOld)).containsExactly(sixDaysOld);
    }

    private UUID published(int daysAgo) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into outbox (event_id, topic, record_key, event_type, source, occurred_at, payload, published_at)
                values ($1, 'proofwork.test', 'key', 'proofwork.test.v1', 'ranking-service', now() - make_interval(days => $2),
                        '{}'::jsonb, now() - make_interval(days => $2))""")
                .execute(Tuple.of(id, daysAgo)).await().indefinitely();
        return id;
    }

    private List<UUID> stored(UUID... ids) {
        List<UUID> found = new ArrayList<>();
        for (Row row : pool.preparedQuery("select event_id from outbox where event_id = any($1) order by position")
                .execute(Tuple.of(ids)).await().indefinitely()) {
            found.add(row.getUUID("event_id"));
        }
        return found;
    }
}
