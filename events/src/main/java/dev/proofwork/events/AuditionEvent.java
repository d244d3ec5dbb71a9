package dev.proofwork.events;

import java.time.Instant;
import java.util.UUID;

/** Lifecycle of an audition and its outcomes, published by audition-service, keyed by audition id. */
public sealed interface AuditionEvent extends ProofworkEvent {

    UUID auditionId();

    @Override
    default String aggregateId() {
        return auditionId().toString();
    }

    record AuditionDrafted(UUID auditionId, String orgId, String title, String skill, Instant draftedAt)
            implements AuditionEvent {
    }

    record AuditionScoped(UUID auditionId, String orgId, String skill, String approvedBy, Instant scopedAt)
            implements AuditionEvent {
    }

    /** Asks payout-service to reserve the escrow the audition needs before it opens. */
    record AuditionPublishRequested(UUID auditionId, String orgId, String skill, int seats, Money payPerSubmission,
            int reviewersPerSubmission, Money bonusPool, Instant requestedAt) implements AuditionEvent {
    }

    record AuditionOpened(UUID auditionId, String orgId, String skill, int seats, Instant closesAt, Instant openedAt)
            implements AuditionEvent {
    }

    record AuditionClosed(UUID auditionId, String orgId, int seatsUsed, Instant closedAt) implements AuditionEvent {
    }

    /** An employer hired the author of a submission; ranking-service turns these into base rates. */
    record HireReported(UUID auditionId, String orgId, UUID submissionId, String learnerId, String skill, String role,
            Instant hiredAt) implements AuditionEvent {
    }
}
