package dev.proofwork.scoring.review;

public enum TaskStatus {
    /** Waiting for a qualified reviewer with capacity. */
    POOLED,
    ASSIGNED,
    SUBMITTED
}
