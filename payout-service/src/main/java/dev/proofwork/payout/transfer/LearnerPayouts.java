package dev.proofwork.payout.transfer;

import dev.proofwork.events.Money;
import dev.proofwork.runtime.domain.DomainException.NotFound;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A learner's side of payouts: their payout account, and what they earned, what is held and why. */
@ApplicationScoped
public class LearnerPayouts {

    private static final int RECENT = 200;

    private final Clock clock;
    private final Duration settlingPeriod;
    private final Duration accountChangeCooling;

    LearnerPayouts(Clock clock, @ConfigProperty(name = "proofwork.payouts.settling-period") Duration settlingPeriod,
            @ConfigProperty(name = "proofwork.payouts.account-change-cooling") Duration accountChangeCooling) {
        this.clock = clock;
        this.settlingPeriod = settlingPeriod;
        this.accountChangeCooling = accountChangeCooling;
    }

    /** Runs in the caller's session. */
    public Uni<MyPayouts> of(String learnerId) {
        Instant now = clock.instant();
        return PayoutAccount.<PayoutAccount> findById(learnerId).chain(account -> Transfer.<Transfer> find(
                        "learnerId = ?1 order by createdAt desc", learnerId).page(0, RECENT).list()
                .chain(transfers -> Payable.<Payable> find("learnerId = ?1 order by accruedAt desc", learnerId)
                        .page(0, RECENT).list()
                        .map(payables -> {
                            Map<UUID, Transfer> byId = transfers.stream()
                                    .collect(Collectors.toMap(t -> t.id, Function.identity()));
                            return new MyPayouts(learnerId, account == null ? null : account.providerAccountRef,
                                    payables.stream().map(p -> item(p, account, byId.get(p.transferId), now)).toList(),
                                    transfers.stream().map(MyPayouts.TransferView::of).toList());
                        })));
    }

    /**
     * Adds or replaces the learner's account; held payables go out with the next run, or, after a change to a
     * different account, once the cooling period has passed. Runs in the caller's transaction.
     */
    public Uni<PayoutAccount.View> setAccount(String learnerId, String accountReference) {
        return PayoutAccount.<PayoutAccount> findById(learnerId).chain(existing -> {
            if (existing == null) {
                return new PayoutAccount(learnerId, accountReference, clock.instant()).<PayoutAccount> persist();
            }
            existing.change(accountReference, clock.instant(), accountChangeCooling);
            return Uni.createFrom().item(existing);
        }).map(PayoutAccount::view);
    }

    public Uni<PayoutAccount.View> account(String learnerId) {
        return PayoutAccount.<PayoutAccount> findById(learnerId)
                .onItem().ifNull().failWith(() -> new NotFound("payout account: none on file yet"))
                .map(PayoutAccount::view);
    }

    private MyPayouts.Item item(Payable p, PayoutAccount account, Transfer transfer, Instant now) {
        Money amount = new Money(p.amountMinor, p.currency);
        if (p.cancelledAt != null) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.CANCELLED,
                    "the work was found invalid after it was scored valid", null, null);
        }
        if (p.transferId != null) {
            boolean paid = transfer != null && transfer.state == Transfer.State.SETTLED;
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt,
                    paid ? MyPayouts.ItemStatus.PAID : MyPayouts.ItemStatus.IN_TRANSFER, null, null, p.transferId);
        }
        Instant settles = p.accruedAt.plus(settlingPeriod);
        if (account == null) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.HELD,
                    "no payout account on file: add one with PUT /api/v1/me/payout-account", null, null);
        }
        if (account.cooling(now)) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.HELD,
                    "payout account changed on " + account.updatedAt + " (from " + account.previousAccountRef
                            + "): transfers to the new account wait until the safety hold ends",
                    account.usableFrom, null);
        }
        if (settles.isAfter(now)) {
            return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.HELD,
                    "settling period: new earnings are held for " + settlingPeriod, settles, null);
        }
        return new MyPayouts.Item(p.id, p.kind, p.auditionId, amount, p.accruedAt, MyPayouts.ItemStatus.READY, null,
                null, null);
    }
}
