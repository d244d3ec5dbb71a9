package dev.proofwork.audition.submission;

/** Where a submission stands in scoring-service's review, as its events report it. */
public enum QaStatus {
    RECEIVED,
    IN_REVIEW,
    SCORED,
    REJECTED
}
