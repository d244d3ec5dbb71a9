package dev.proofwork.payout.funding;

import dev.proofwork.events.Money;
import java.time.Instant;
import java.util.UUID;

public record DepositView(UUID id, String orgId, Money amount, String providerReference, Instant createdAt) {
}
