package dev.proofwork.ranking.facets;

public enum FacetKind {
    LEARNER,
    TASK,
    REVIEWER,
    /** How able a task's takers are on average, as the last refit found: where a learner new to the skill starts. */
    TAKERS
}
