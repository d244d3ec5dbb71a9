package dev.proofwork.runtime.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers apply events and how long they remember them: {@code proofwork.inbox.*}. */
@ConfigMapping(prefix = "proofwork.inbox")
public interface InboxSettings {

    /** Tries after the first before a record whose effect keeps failing is dead-lettered. */
    @WithDefault("3")
    int retries();

    /** The wait before the first retry; each later one waits longer. */
    @WithDefault("PT0.2S")
    Duration backoff();

    /**
     * How long a consumer remembers an event it applied, so it applies it at most once. Longer than the broker
     * keeps records (30 days in {@code deploy/k8s/topics.yaml}): a consumer group set back to the earliest offset
     * is sent nothing it has forgotten. A dead letter can be replayed while its event is younger than this.
     */
    @WithDefault("P45D")
    Duration retention();
}
