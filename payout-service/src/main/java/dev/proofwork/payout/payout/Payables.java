package dev.proofwork.payout.payout;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class Payables {

    private final Clock clock;

    Payables(Clock clock) {
        this.clock = clock;
    }

    /** Records what a posting made payable to the learner; runs in the posting's transaction. */
    public Uni<Void> accrue(String learnerId, UUID postingId, String kind, UUID auditionId, String currency,
            long amountMinor) {
        if (amountMinor <= 0) {
            return Uni.createFrom().voidItem();
        }
        return new Payable(learnerId, postingId, kind, auditionId, currency, amountMinor, clock.instant())
                .persist().replaceWithVoid();
    }
}
