package dev.proofwork.ranking.facets;

public enum FacetKind {
    LEARNER,
    TASK,
    REVIEWER
}
