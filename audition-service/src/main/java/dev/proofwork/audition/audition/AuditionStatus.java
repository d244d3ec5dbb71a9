package dev.proofwork.audition.audition;

public enum AuditionStatus {
    /** Being written by the employer; not visible to learners. */
    DRAFT
}
