package dev.proofwork.scoring.review;

public enum SubmissionStatus {
    /** Received before its audition's rubric; tasks are created when the audition opens here. */
    WAITING_FOR_AUDITION,
    /** Held because it is nearly identical to an earlier submission; an operator decides. */
    HELD_DUPLICATE,
    IN_REVIEW,
    SCORED,
    /** A confirmed duplicate: never ranked, never paid. */
    REJECTED
}
