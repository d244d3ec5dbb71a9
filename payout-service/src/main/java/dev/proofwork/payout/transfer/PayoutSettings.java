package dev.proofwork.payout.transfer;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How learners' earnings are paid out ({@code proofwork.payouts.*}), read and checked once at start. */
@ConfigMapping(prefix = "proofwork.payouts")
public interface PayoutSettings {

    /** Earnings are held this long before a payout run may send them: time to catch a fraud or a mistake. */
    Duration settlingPeriod();

    /** How often payouts run without an operator asking (a scheduler interval, such as {@code 1h}, or {@code off}). */
    String runEvery();

    /** A transfer sent but unconfirmed this long is asked about at the provider. */
    Duration reconcileAfter();

    /** The wait after a declined transfer before the next attempt; it doubles per attempt, up to six hours. */
    Duration retryBackoff();

    /** Attempts at a transfer before it is given up as failed. */
    int maxAttempts();

    /**
     * After a learner switches to a different payout account, transfers to it wait this long, so a stolen session
     * cannot redirect ready money at the next run.
     */
    Duration accountChangeCooling();
}
