package dev.proofwork.events;

/**
 * Every event the services exchange. Each family is owned by one service and travels on one topic
 * (see {@link EventCatalog}); new event types join a family, and the catalog gives them a type and topic.
 */
public sealed interface ProofworkEvent
        permits AuditionEvent, AttemptEvent, EscrowEvent, ScoringEvent, RankingEvent, PayoutEvent, BillingEvent {

    /** The Kafka record key: all events of one aggregate land on one partition, so their order holds. */
    String aggregateId();
}
