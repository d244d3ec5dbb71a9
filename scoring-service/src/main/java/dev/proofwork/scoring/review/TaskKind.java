package dev.proofwork.scoring.review;

public enum TaskKind {
    /** One of the audition's regular reviews. */
    REVIEW,
    /** The extra review after a disagreement or a single invalid mark. */
    ADJUDICATION,
    /** A learner's appeal, decided by a reviewer new to the submission. */
    APPEAL,
    /** A calibration item with known scores, indistinguishable in the queue. */
    GOLD
}
