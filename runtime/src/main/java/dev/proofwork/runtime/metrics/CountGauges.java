package dev.proofwork.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Gauges of how many rows a service holds in each state (reviews by status, ledger postings by kind), read
 * from its database every few seconds: counted from what committed, so a rolled-back attempt never shows.
 */
@ApplicationScoped
public class CountGauges {

    private static final Logger LOG = Logger.getLogger(CountGauges.class);
    private static final Duration EVERY = Duration.ofSeconds(10);

    private record Counted(MultiGauge gauge, String query, List<String> tagColumns) {
    }

    private final Pool pool;
    private final MeterRegistry metrics;
    private final List<Counted> counted = new CopyOnWriteArrayList<>();

    CountGauges(Pool pool, MeterRegistry metrics) {
        this.pool = pool;
        this.metrics = metrics;
    }

    /**
     * @param query selects the tag columns and a {@code count} column, one row per combination of tags
     */
    public void register(String name, String description, String query, String... tagColumns) {
        counted.add(new Counted(MultiGauge.builder(name).description(description).register(metrics), query,
                List.of(tagColumns)));
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(EVERY.toMillis(), tick -> counted.forEach(this::refresh));
    }

    private void refresh(Counted gauge) {
        pool.query(gauge.query()).execute().subscribe().with(rows -> {
            List<MultiGauge.Row<?>> values = new ArrayList<>();
            for (Row row : rows) {
                Tags tags = Tags.empty();
                for (String column : gauge.tagColumns()) {
                    tags = tags.and(column, String.valueOf(row.getValue(column)));
                }
                values.add(MultiGauge.Row.of(tags, row.getLong("count")));
            }
            gauge.gauge().register(values, true);
        }, failure -> LOG.debugf("could not count for %s: %s", gauge.query(), failure.getMessage()));
    }
}
