package dev.proofwork.payout;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property over many random cases. The seed is fresh each run and named in any failure, and
 * {@code -Dproofwork.seed=...} replays it, so a case that breaks a property once can be found again.
 */
public final class Trials {

    private Trials() {
    }

    public static void check(int tries, Consumer<Random> property) {
        long seed = Long.getLong("proofwork.seed", new Random().nextLong());
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            try {
                property.accept(random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " (replay with -Dproofwork.seed=" + seed + ")", e);
            }
        }
    }
}
