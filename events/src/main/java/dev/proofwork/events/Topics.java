package dev.proofwork.events;

import java.util.List;

/**
 * Every Kafka topic, defined once. The constants double as SmallRye channel names, so a consumer
 * writes {@code @Incoming(Topics.AUDITIONS)} and needs no topic in its configuration.
 */
public final class Topics {

    public static final String AUDITIONS = "proofwork.auditions";
    public static final String ATTEMPTS = "proofwork.attempts";
    public static final String ESCROW = "proofwork.escrow";
    public static final String SCORING = "proofwork.scoring";
    public static final String RANKINGS = "proofwork.rankings";
    public static final String PAYOUTS = "proofwork.payouts";
    public static final String BILLING = "proofwork.billing";
    /** Records no consumer could process, with the reason in their headers. */
    public static final String DEAD_LETTERS = "proofwork.dead-letters";

    /** A topic and the partition count the services expect when it is created. */
    public record TopicSpec(String name, int partitions) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(AUDITIONS, 6),
            new TopicSpec(ATTEMPTS, 12),
            new TopicSpec(ESCROW, 6),
            new TopicSpec(SCORING, 12),
            new TopicSpec(RANKINGS, 12),
            new TopicSpec(PAYOUTS, 6),
            new TopicSpec(BILLING, 3),
            new TopicSpec(DEAD_LETTERS, 1));

    private Topics() {
    }
}
