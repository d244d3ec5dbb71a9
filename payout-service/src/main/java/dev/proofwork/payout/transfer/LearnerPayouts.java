package dev.proofwork.payout.transfer;

import dev.proofwork.events.Money;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A learner's side of payouts: their payout account, and what they earned, what is held and why. */
@ApplicationScoped
public class LearnerPayouts {

    private static final int RECENT = 200;

    private final PayoutAccountRepository accounts;
    private final TransferRepository transfers;
    private final PayableRepository payables;
    private final Clock clock;
    private final Duration settlingPeriod;
    private final Duration accountChangeCooling;

    LearnerPayouts(PayoutAccountRepository accounts, TransferRepository transfers, PayableRepository payables,
            Clock clock, PayoutSettings settings) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.payables = payables;
        this.clock = clock;
        this.settlingPeriod = settings.settlingPeriod();
        this.accountChangeCooling = settings.accountChangeCooling();
    }

    @WithSession
    public Uni<MyPayouts> of(String learnerId) {
        Instant now = clock.instant();
        return accounts.findById(learnerId).chain(account -> transfers.recent(learnerId, RECENT)
                .chain(recentTransfers -> payables.recent(learnerId, RECENT).map(recentPayables -> {
                    Map<UUID, Transfer> byId = recentTransfers.stream()
                            .collect(Collectors.toMap(Transfer::id, Function.identity()));
                    return new MyPayouts(learnerId, account == null ? null : account.providerAccountRef(),
                            recentPayables.stream().map(p -> item(p, account, byId.get(p.transferId()), now)).toList(),
                            recentTransfers.stream().map(MyPayouts.TransferView::of).toList());
                })));
    }

    /**
     * Adds or replaces the learner's account; held payables go out with the next run, or, after a change to a
     * different account, once the cooling period has passed.
     */
    @WithTransaction
    public Uni<PayoutAccount.View> setAccount(String learnerId, String accountReference) {
        return accounts.findById(learnerId).chain(existing -> {
            if (existing == null) {
                return accounts.persist(new PayoutAccount(learnerId, accountReference, clock.instant()));
            }
            existing.change(accountReference, clock.instant(), accountChangeCooling);
            return Uni.createFrom().item(existing);
        }).map(PayoutAccount::view);
    }

    @WithSession
    public Uni<PayoutAccount.View> account(String learnerId) {
        return accounts.findById(learnerId)
                .onItem().ifNull().failWith(() -> new NotFound("payout account: none on file yet"))
                .map(PayoutAccount::view);
    }

    private MyPayouts.Item item(Payable p, PayoutAccount account, Transfer transfer, Instant now) {
        if (p.cancelled()) {
            return item(p, MyPayouts.ItemStatus.CANCELLED, "the work was found invalid after it was scored valid", null);
        }
        if (p.transferId() != null) {
            boolean paid = transfer != null && transfer.state() == Transfer.State.SETTLED;
            return item(p, paid ? MyPayouts.ItemStatus.PAID : MyPayouts.ItemStatus.IN_TRANSFER, null, null);
        }
        Instant settles = p.accruedAt().plus(settlingPeriod);
        if (account == null) {
            return item(p, MyPayouts.ItemStatus.HELD,
                    "no payout account on file: add one with PUT /api/v1/me/payout-account", null);
        }
        if (account.cooling(now)) {
            return item(p, MyPayouts.ItemStatus.HELD, account.coolingReason(), account.usableFrom());
        }
        if (settles.isAfter(now)) {
            return item(p, MyPayouts.ItemStatus.HELD, "settling period: new earnings are held for " + settlingPeriod,
                    settles);
        }
        return item(p, MyPayouts.ItemStatus.READY, null, null);
    }

    private static MyPayouts.Item item(Payable p, MyPayouts.ItemStatus status, String holdReason, Instant heldUntil) {
        return new MyPayouts.Item(p.id(), p.kind(), p.auditionId(), new Money(p.amountMinor(), p.currency()),
                p.accruedAt(), status, holdReason, heldUntil, p.transferId());
    }
}
