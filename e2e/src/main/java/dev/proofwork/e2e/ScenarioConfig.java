package dev.proofwork.e2e;

import java.time.Duration;

/**
 * How big a marketplace to play and where the services are. The same driver serves the local run's
 * demonstration, the end-to-end test, and later load: only these numbers change.
 *
 * @param appealWindow   how long after a close the bonus waits; must match the services' {@code proofwork.appeals.window}
 * @param lateWait       how long the late learner waits before submitting to a one-minute audition
 * @param sharedRun      the services hold work of earlier runs (the local run, played again after an interrupted
 *                       run): reviewers leave work this run did not submit in their queues instead of failing on it
 */
public record ScenarioConfig(int learners, int auditions, int reviewers, long seed, String auditionUrl,
        String scoringUrl, String rankingUrl, String payoutUrl, Duration appealWindow, Duration lateWait,
        boolean sharedRun) {

    public ScenarioConfig {
        if (learners < 8) {
            throw new IllegalArgumentException("--learners must be at least 8: the scenario casts a late, a junk, a copying and an appealing learner");
        }
        if (auditions < 2) {
            throw new IllegalArgumentException("--auditions must be at least 2: one anchor task per skill");
        }
        if (reviewers < 3) {
            throw new IllegalArgumentException("--reviewers must be at least 3: two per submission and an independent one for appeals");
        }
    }

    public static ScenarioConfig local(int learners, int auditions, int reviewers, long seed, Duration appealWindow) {
        return new ScenarioConfig(learners, auditions, reviewers, seed, "http://localhost:8081", "http://localhost:8082",
                "http://localhost:8083", "http://localhost:8084", appealWindow, Duration.ofSeconds(65), true);
    }
}
