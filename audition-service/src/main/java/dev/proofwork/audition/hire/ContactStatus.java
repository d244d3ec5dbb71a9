package dev.proofwork.audition.hire;

/** Where a contact request stands: only the learner moves it out of {@code PENDING}, and only once. */
public enum ContactStatus {
    PENDING,
    ACCEPTED,
    DECLINED
}
