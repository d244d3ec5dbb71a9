package dev.proofwork.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox is relayed and kept: {@code proofwork.outbox.*}. */
@ConfigMapping(prefix = "proofwork.outbox")
public interface OutboxSettings {

    /** Rows the relay reads and publishes at a time. */
    @WithDefault("500")
    int batchSize();

    /** How often the relay looks for committed rows. */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /** How long after start the relay first looks, so Reactive Messaging has connected its channel. */
    @WithDefault("PT2S")
    Duration startDelay();

    /** How long the relay may go without publishing or finding nothing to publish before the service is not ready. */
    @WithDefault("PT30S")
    Duration stalledAfter();

    /**
     * How long a published row is kept, for an operator looking into what was sent: Kafka holds the events
     * themselves, and a row is deleted after this.
     */
    @WithDefault("P7D")
    Duration retention();
}
