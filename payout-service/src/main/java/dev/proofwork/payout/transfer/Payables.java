package dev.proofwork.payout.transfer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Payables {

    private final PayableRepository payables;
    private final Clock clock;

    Payables(PayableRepository payables, Clock clock) {
        this.payables = payables;
        this.clock = clock;
    }

    /** Records what a posting made payable to the learner; runs in the posting's transaction. */
    public Uni<Void> accrue(String learnerId, UUID postingId, String kind, UUID auditionId, String currency,
            long amountMinor) {
        if (amountMinor <= 0) {
            return Uni.createFrom().voidItem();
        }
        return payables.persist(new Payable(learnerId, postingId, kind, auditionId, currency, amountMinor, clock.instant()))
                .replaceWithVoid();
    }

    /**
     * Cancels what a posting made payable, if no transfer has taken it yet.
     *
     * @return the amount cancelled, or empty when it is already on its way to the learner (or was never payable)
     */
    public Uni<Optional<Long>> cancel(UUID postingId) {
        return payables.byPosting(postingId).map(payable -> payable != null && payable.cancel(clock.instant())
                ? Optional.of(payable.amountMinor())
                : Optional.empty());
    }
}
