package dev.proofwork.payout.funding;

import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.UUID;

public record DepositView(UUID id, String orgId, Money amount, String providerReference, Instant createdAt) {

    static DepositView of(Deposit deposit) {
        return new DepositView(deposit.id, deposit.orgId, new Money(deposit.amountMinor, deposit.currency),
                deposit.providerReference, deposit.createdAt);
    }
}
