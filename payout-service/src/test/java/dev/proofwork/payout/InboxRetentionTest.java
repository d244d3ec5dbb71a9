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

@QuarkusTest
@QuarkusTestResource(ProofworkTestResource.class)
class InboxRetentionTest {

    @Inject
    Pool pool;

    @Inject
    Retention retention;

    @Test
    void eventsAppliedLongerAgoThanTheRetentionAreForgottenAndNewerOnesRemembered() {
        UUID appliedFortySixDaysAgo = applied(46);
        UUID appliedFortyFourDaysAgo = applied(44);

        long forgotten = retention.purgeApplied().await().indefinitely();

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(remembered(appliedFortySixDaysAgo, appliedFortyFourDaysAgo)).containsExactly(appliedFortyFourDaysAgo);
    }

    private UUID applied(int daysAgo) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                insert into processed_event (consumer, event_id, processed_at)
                values ('payout.test', $1, now() - make_interval(days => $2))""")
                .execute(Tuple.of(id, daysAgo)).await().indefinitely();
        return id;
    }

    private List<UUID> remembered(UUID... ids) {
        List<UUID> found = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                select event_id from processed_event where consumer = 'payout.test' and event_id = any($1)
                order by processed_at""").execute(Tuple.of(ids)).await().indefinitely()) {
            found.add(row.getUUID("event_id"));
        }
        return found;
    }
}
