package dev.proofwork.audition.attempt;

public enum AttemptStatus {
    /** Seat held, clock running. */
    ACTIVE,
    /** Work handed in before the deadline. */
    SUBMITTED,
    /** Deadline passed (or the audition closed) without a submission; the seat stays used. */
    EXPIRED
}
