package dev.proofwork.payout.funding;

import dev.proofwork.events.Money;
import dev.proofwork.payout.billing.PricePlans;
import dev.proofwork.payout.escrow.EscrowService;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.payout.ledger.Ledger;
import dev.proofwork.payout.ledger.Posting;
import dev.proofwork.payout.provider.PaymentProvider;
import dev.proofwork.payout.provider.ProviderDeclinedException;
import dev.proofwork.runtime.domain.DomainException.Declined;
import dev.proofwork.runtime.domain.DomainException.InvalidInput;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Prepaid funding. The provider is asked first, with a key derived from the client's Idempotency-Key, so a
 * retried request is collected once; the ledger credit and the deposit record then commit together. The
 * provider call must not hold a transaction open, which is why this class opens its session and
 * transaction in code ({@code Panache.withSession}, {@code Panache.withTransaction}).
 */
@ApplicationScoped
public class DepositService {

    /** Whether the answer replays an earlier request with the same key. */
    public record Outcome(DepositView deposit, boolean replayed) {
    }

    private final PaymentProvider provider;
    private final DepositRepository deposits;
    private final Ledger ledger;
    private final PricePlans pricePlans;
    private final TransactionLocks locks;
    private final Clock clock;

    DepositService(PaymentProvider provider, DepositRepository deposits, Ledger ledger, PricePlans pricePlans, TransactionLocks locks,
            Clock clock) {
        this.provider = provider;
        this.deposits = deposits;
        this.pricePlans = pricePlans;
        this.ledger = ledger;
        this.locks = locks;
        this.clock = clock;
    }

    public Uni<Outcome> deposit(String orgId, String idempotencyKey, DepositRequest request, String depositedBy) {
        String postingKey = "deposit:" + orgId + ":" + idempotencyKey;
        return Panache.withSession(() -> pricePlans.effective(orgId, request.currency()).chain(plan -> {
                    if (plan == null) {
                        // a currency without a price plan could be held but never spent on an audition
                        throw new InvalidInput("currency",
                                "is not a currency the platform bills in; ask an operator for a price plan in it");
                    }
                    return existing(orgId, idempotencyKey, request);
                }))
                .chain(replay -> replay != null ? Uni.createFrom().item(replay)
                        : provider.collect(postingKey, orgId, new Money(request.amountMinor(), request.currency()))
                                .onFailure(ProviderDeclinedException.class).transform(DepositService::declined)
                                .chain(reference -> record(orgId, idempotencyKey, request, depositedBy, postingKey, reference)));
    }

    private Uni<Outcome> record(String orgId, String idempotencyKey, DepositRequest request, String depositedBy,
            String postingKey, String providerReference) {
        Posting posting = Posting.builder(postingKey, "deposit", request.currency(), "deposit " + providerReference)
                .org(orgId)
                .debit(Accounts.PROVIDER_CLEARING, request.amountMinor())
                .credit(Accounts.available(orgId), request.amountMinor())
                .build();
        return Panache.withTransaction(() -> locks.lock(EscrowService.ORG_LOCK, orgId).chain(() -> ledger.post(posting))
                .chain(postingId -> {
                    if (postingId.isEmpty()) {
                        // a concurrent request with the same key won the race
                        return existing(orgId, idempotencyKey, request);
                    }
                    Deposit deposit = new Deposit(UUID.randomUUID(), orgId, idempotencyKey, request.amountMinor(),
                            request.currency(), providerReference, postingId.get(), depositedBy, clock.instant());
                    return deposits.persist(deposit)
                            .chain(() -> settleReceivable(orgId, request.currency(), postingKey))
                            .replaceWith(new Outcome(deposit.view(), false));
                }));
    }

    /** What the org owes beyond its escrow (fees after the escrow ran out) is paid first from new money. */
    private Uni<Void> settleReceivable(String orgId, String currency, String depositKey) {
        return ledger.balance(Accounts.receivable(orgId), currency)
                .chain(owed -> ledger.balance(Accounts.available(orgId), currency).chain(available -> {
                    long settled = Math.min(owed, available);
                    if (settled <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    return ledger.post(Posting.builder("receivable-settled:" + depositKey, "receivable-settled", currency,
                                    "owed charges paid from a deposit")
                            .org(orgId)
                            .debit(Accounts.available(orgId), settled)
                            .credit(Accounts.receivable(orgId), settled)
                            .build()).replaceWithVoid();
                }));
    }

    private Uni<Outcome> existing(String orgId, String idempotencyKey, DepositRequest request) {
        return deposits.byKey(orgId, idempotencyKey)
                .map(deposit -> deposit == null ? null : new Outcome(deposit.replayedBy(request), true));
    }

    private static Throwable declined(Throwable failure) {
        return new Declined("deposit-declined", "The payment provider declined the deposit",
                failure.getMessage() + "; nothing was credited, and the same Idempotency-Key may be retried");
    }
}
