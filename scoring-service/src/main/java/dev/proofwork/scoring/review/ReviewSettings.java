package dev.proofwork.scoring.review;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How review tasks are handed out and taken back ({@code proofwork.reviews.*}), read and checked once at start. */
@ConfigMapping(prefix = "proofwork.reviews")
public interface ReviewSettings {

    /** A task left unreviewed this long goes back to the pool for another reviewer. */
    Duration timeout();

    /** How often overdue tasks are looked for (a scheduler interval, such as {@code 1m}, or {@code off}). */
    String timeoutCheckEvery();

    /** How often the assigner places pooled tasks as reviewers' capacity frees (a scheduler interval). */
    String assignEvery();

    /**
     * An assigned task shows in the reviewer's queue only after a random delay of up to this long, so its arrival
     * cannot be matched with a learner's submission.
     */
    Duration revealDelay();
}
