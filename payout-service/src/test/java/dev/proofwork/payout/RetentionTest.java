package dev.proofwork.payout;

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

/** The outbox keeps published rows a week and the inbox applied events 45 days; older ones go. */
@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class RetentionTest {

    private static final String PUBLISHED = """
            insert into outbox (event_id, topic, record_key, event_type, source, occurred_at, payload, published_at)
            values ($1, 'proofwork.test', 'key', 'proofwork.test.v1', 'payout-service', now() - make_interval(days => $2),
                    '{}'::jsonb, now() - make_interval(days => $2))""";
    private static final String APPLIED = """
            insert into processed_event (consumer, event_id, processed_at)
            values ('payout.test', $1, now() - make_interval(days => $2))""";

    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void publishedOutboxRowsOlderThanAWeekAreDeletedAndNewerOnesKept() {
        UUID eightDaysOld = insert(PUBLISHED, 8);
        UUID sixDaysOld = insert(PUBLISHED, 6);

        assertThat(retention.purgePublished().await().indefinitely()).isGreaterThanOrEqualTo(1);

        assertThat(stored("select event_id from outbox where event_id = any($1)", eightDaysOld, sixDaysOld))
                .containsExactly(sixDaysOld);
    }

    @Test
    void eventsAppliedMoreThanFortyFiveDaysAgoAreForgottenAndNewerOnesRemembered() {
        UUID appliedFortySixDaysAgo = insert(APPLIED, 46);
        UUID appliedFortyFourDaysAgo = insert(APPLIED, 44);

        assertThat(retention.purgeApplied().await().indefinitely()).isGreaterThanOrEqualTo(1);

        assertThat(stored("select event_id from processed_event where event_id = any($1)", appliedFortySixDaysAgo,
                appliedFortyFourDaysAgo)).containsExactly(appliedFortyFourDaysAgo);
    }

    private UUID insert(String statement, int daysAgo) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery(statement).execute(Tuple.of(id, daysAgo)).await().indefinitely();
        return id;
    }

    private List<UUID> stored(String query, UUID... ids) {
        List<UUID> found = new ArrayList<>();
        for (Row row : pool.preparedQuery(query).execute(Tuple.of(ids)).await().indefinitely()) {
            found.add(row.getUUID("event_id"));
        }
        return found;
    }
}
