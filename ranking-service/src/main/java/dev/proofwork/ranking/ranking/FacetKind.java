package dev.proofwork.ranking.ranking;

public enum FacetKind {
    LEARNER,
    TASK,
    REVIEWER
}
