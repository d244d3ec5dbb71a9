package dev.proofwork.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

    /** Asks payout-service to reserve the escrow the audition needs before it opens; {@code bonus} may be null. */
    record AuditionPublishRequested(UUID auditionId, String orgId, String skill, int seats, Money payPerSubmission,
            int reviewersPerSubmission, Bonus bonus, Instant requestedAt) implements AuditionEvent {
    }

    /**
     * The audition takes learners. Carries everything scoring and ranking need to treat its submissions:
     * the rubric and its version, how many reviewers, the agreement tolerance, and whether it is an anchor
     * task shared across cohorts. {@code bonus} may be null.
     */
    record AuditionOpened(UUID auditionId, String orgId, String title, String skill, int seats, int timeboxMinutes,
            int rubricVersion, List<RubricCriterion> rubric, int reviewersPerSubmission, BigDecimal scoreTolerance,
            boolean anchor, Money payPerSubmission, Bonus bonus, Instant closesAt, Instant openedAt)
            implements AuditionEvent {
    }

    record AuditionClosed(UUID auditionId, String orgId, int seatsUsed, Instant closedAt) implements AuditionEvent {
    }

    /** An employer hired the author of a submission; ranking-service turns these into base rates. */
    record HireReported(UUID auditionId, String orgId, UUID submissionId, String learnerId, String skill, String role,
            Instant hiredAt) implements AuditionEvent {
    }
}
