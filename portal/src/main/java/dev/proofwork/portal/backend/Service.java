package dev.proofwork.portal.backend;

/** The four services the portal talks to, each through its public REST API only. */
public enum Service {
    AUDITION,
    SCORING,
    RANKING,
    PAYOUT
}
