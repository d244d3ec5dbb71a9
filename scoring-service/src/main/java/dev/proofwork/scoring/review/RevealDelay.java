package dev.proofwork.scoring.review;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How long an assigned task stays out of its reviewer's queue: a share of {@code max} drawn from the task's
 * random id, so it is the same on every read and no reviewer can match a task's arrival with the moment a
 * learner submitted.
 */
record RevealDelay(Duration max) {

    Duration of(UUID taskId) {
        long thousandths = Math.floorMod(taskId.getLeastSignificantBits(), 1000L);
        return max.multipliedBy(thousandths).dividedBy(1000);
    }

    boolean revealed(UUID taskId, Instant assignedAt, Instant now) {
        return !assignedAt.plus(of(taskId)).isAfter(now);
    }
}
