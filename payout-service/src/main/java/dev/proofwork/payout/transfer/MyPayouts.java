package dev.proofwork.payout.transfer;

import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a learner has earned, what is held and why, and what has been transferred. */
public record MyPayouts(String learnerId, String payoutAccount, List<Item> items, List<TransferView> transfers) {

    public enum ItemStatus {
        /** waiting for a payout account or its settling period; see holdReason */
        HELD,
        /** goes out with the next payout run */
        READY,
        IN_TRANSFER,
        PAID,
        /** the work was found invalid after it was paid, before the money left; see holdReason */
        CANCELLED
    }

    public record Item(UUID id, String kind, UUID auditionId, Money amount, Instant accruedAt, ItemStatus status,
            String holdReason, Instant heldUntil, UUID transferId) {
    }

    public record TransferView(UUID id, Money amount, Transfer.State state, int attempt, String providerReference,
            String lastError, Instant createdAt, Instant settledAt) {

        static TransferView of(Transfer t) {
            return new TransferView(t.id(), new Money(t.amountMinor(), t.currency()), t.state(), t.attempt(),
                    t.providerReference(), t.lastError(), t.createdAt(), t.settledAt());
        }
    }
}
