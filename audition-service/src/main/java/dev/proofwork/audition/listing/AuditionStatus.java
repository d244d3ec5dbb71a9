package dev.proofwork.audition.listing;

import java.util.EnumSet;
import java.util.Set;

/** The audition's life; every allowed move is listed here and nowhere else. */
public enum AuditionStatus {
    /** Being written by the employer; editable; invisible to learners. */
    DRAFT,
    /** Waiting for an operator to approve the scope or send it back with reasons. */
    IN_SCOPING,
    /** Approved; ready to publish (again, after a refused funding). */
    SCOPED,
    /** Published; waiting for payout-service to reserve the escrow. */
    FUNDING,
    /** Funded and taking learners until closed. */
    OPEN,
    /** No new seats; unsubmitted attempts expired. */
    CLOSED;

    public Set<AuditionStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_SCOPING);
            case IN_SCOPING -> EnumSet.of(SCOPED, DRAFT);
            case SCOPED -> EnumSet.of(FUNDING);
            case FUNDING -> EnumSet.of(OPEN, SCOPED);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(AuditionStatus.class);
        };
    }
}
