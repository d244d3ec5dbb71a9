package dev.proofwork.payout.transfer;

import dev.proofwork.events.Money;
import dev.proofwork.events.PayoutEvent.PayoutFailed;
import dev.proofwork.events.PayoutEvent.PayoutSent;
import dev.proofwork.payout.ledger.Accounts;
import dev.proofwork.payout.ledger.Ledger;
import dev.proofwork.payout.ledger.Posting;
import dev.proofwork.payout.provider.PaymentProvider;
import dev.proofwork.payout.provider.PaymentProvider.TransferReceipt;
import dev.proofwork.payout.provider.ProviderDeclinedException;
import dev.proofwork.runtime.outbox.Outbox;
import dev.proofwork.runtime.persistence.TransactionLocks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A payout run: settle or reverse what is stuck at the provider, batch each learner's settled payables
 * into one transfer, and send the transfers that are due. Provider calls happen outside any transaction,
 * which is why this class opens its transactions in code ({@code Panache.withTransaction}) rather than by
 * annotation: each outcome is recorded in its own, and a crash between the two is healed by the next run's
 * reconciliation, which asks the provider about the transfer's idempotency key.
 */
@ApplicationScoped
public class PayoutRuns {

    private static final Logger LOG = Logger.getLogger(PayoutRuns.class);
    private static final int BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final String LEARNER_LOCK = "payout-learner";

    public record Summary(int reconciled, int transfersCreated, int settled, int sent, int failed) {
    }

    private final PaymentProvider provider;
    private final TransferRepository transfers;
    private final PayableRepository payables;
    private final Ledger ledger;
    private final Outbox outbox;
    private final TransactionLocks locks;
    private final Clock clock;
    private final Duration settlingPeriod;
    private final Duration reconcileAfter;
    private final Duration retryBackoff;
    private final int maxAttempts;

    PayoutRuns(PaymentProvider provider, TransferRepository transfers, PayableRepository payables, Ledger ledger,
            Outbox outbox, TransactionLocks locks, Clock clock, PayoutSettings settings) {
        this.provider = provider;
        this.transfers = transfers;
        this.payables = payables;
        this.ledger = ledger;
        this.outbox = outbox;
        this.locks = locks;
        this.clock = clock;
        this.settlingPeriod = settings.settlingPeriod();
        this.reconcileAfter = settings.reconcileAfter();
        this.retryBackoff = settings.retryBackoff();
        this.maxAttempts = settings.maxAttempts();
    }

    @Scheduled(every = "${proofwork.payouts.run-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRun() {
        return run().invoke(summary -> LOG.infof("payout run: %s", summary)).replaceWithVoid();
    }

    public Uni<Summary> run() {
        Tally tally = new Tally();
        return reconcile(tally).chain(() -> batch(tally)).chain(() -> dispatch(tally)).map(ignored -> tally.summary());
    }

    private Uni<Void> reconcile(Tally tally) {
        Instant sentBefore = clock.instant().minus(reconcileAfter);
        return Panache.withSession(() -> transfers.awaitingAnswerSince(sentBefore, BATCH))
                .onItem().transformToMulti(stuck -> Multi.createFrom().iterable(stuck))
                .onItem().transformToUniAndConcatenate(transfer -> provider.transferStatus(transfer.idempotencyKey())
                        .chain(receipt -> Panache.withTransaction(() -> lockedAwaiting(transfer.id(), transfer.idempotencyKey())
                                .chain(locked -> {
                                    if (locked == null) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    tally.reconciled.incrementAndGet();
                                    return switch (receipt.state()) {
                                        case SETTLED -> settle(locked, receipt.providerReference(), tally);
                                        case FAILED -> fail(locked, receipt.failureReason(), tally);
                                        case UNKNOWN -> {
                                            locked.resend(clock.instant());
                                            yield Uni.createFrom().voidItem();
                                        }
                                        case PROCESSING -> Uni.createFrom().voidItem();
                                    };
                                })))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("could not reconcile transfer %s yet: %s", transfer.id(), failure.getMessage());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    /** One transfer per learner and currency, of every payable past its settling period. */
    private Uni<Void> batch(Tally tally) {
        Instant cutoff = clock.instant().minus(settlingPeriod);
        return Panache.withSession(() -> payables.readyForTransfer(cutoff, clock.instant(), BATCH))
                .onItem().transformToMulti(groups -> Multi.createFrom().iterable(groups))
                .onItem().transformToUniAndConcatenate(group -> Panache.withTransaction(() -> createTransfer(group, cutoff, tally)))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> createTransfer(PayableRepository.ReadyGroup group, Instant cutoff, Tally tally) {
        return locks.lock(LEARNER_LOCK, group.learnerId())
                .chain(() -> payables.openFor(group.learnerId(), group.currency(), cutoff))
                .chain(open -> {
                    long amount = open.stream().mapToLong(Payable::amountMinor).reduce(0, Math::addExact);
                    if (amount <= 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Transfer transfer = new Transfer(UUID.randomUUID(), group.learnerId(), group.currency(), amount,
                            group.accountReference(), clock.instant());
                    open.forEach(payable -> payable.takenBy(transfer.id()));
                    tally.created.incrementAndGet();
                    return ledger.post(Posting.builder("transfer:" + transfer.id(), "payout-transfer", group.currency(),
                                    "transfer of " + open.size() + " payables to " + group.accountReference())
                                    .learner(group.learnerId())
                                    .debit(Accounts.payable(group.learnerId()), amount)
                                    .credit(Accounts.inTransit(group.learnerId()), amount)
                                    .build())
                            .chain(() -> transfers.persist(transfer))
                            .replaceWithVoid();
                });
    }

    private Uni<Void> dispatch(Tally tally) {
        return Panache.withTransaction(this::claimDue)
                .onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndConcatenate(claim -> provider.send(claim.idempotencyKey(),
                                claim.providerAccountRef(), new Money(claim.amountMinor(), claim.currency()))
                        .onItemOrFailure().transformToUni((receipt, failure) -> Panache.withTransaction(
                                () -> lockedAwaiting(claim.id(), claim.idempotencyKey())
                                        .chain(locked -> locked == null ? Uni.createFrom().voidItem()
                                                : record(locked, receipt, failure, tally)))))
                .collect().last().replaceWithVoid();
    }

    /** Marks due transfers SENDING so no other run sends them meanwhile; returns detached copies. */
    private Uni<List<Transfer>> claimDue() {
        Instant now = clock.instant();
        return transfers.lockDue(now, BATCH).invoke(due -> due.forEach(transfer -> transfer.sending(now)));
    }

    private Uni<Transfer> lockedAwaiting(UUID id, String key) {
        return transfers.lock(id).map(transfer -> transfer != null && transfer.awaitingAnswer(key) ? transfer : null);
    }

    private Uni<Void> record(Transfer transfer, TransferReceipt receipt, Throwable failure, Tally tally) {
        if (failure instanceof ProviderDeclinedException declined) {
            return fail(transfer, declined.getMessage(), tally);
        }
        if (failure != null) {
            // the provider may or may not have acted: reconciliation will ask it
            transfer.sent(null, "no answer from the provider: " + failure.getMessage());
            tally.sent.incrementAndGet();
            return Uni.createFrom().voidItem();
        }
        return switch (receipt.state()) {
            case SETTLED -> settle(transfer, receipt.providerReference(), tally);
            case FAILED -> fail(transfer, receipt.failureReason(), tally);
            case PROCESSING, UNKNOWN -> {
                transfer.sent(receipt.providerReference(), null);
                tally.sent.incrementAndGet();
                yield Uni.createFrom().voidItem();
            }
        };
    }

    private Uni<Void> settle(Transfer transfer, String providerReference, Tally tally) {
        transfer.settled(providerReference, clock.instant());
        tally.settled.incrementAndGet();
        return ledger.post(Posting.builder("transfer-settled:" + transfer.id(), "payout-settled", transfer.currency(),
                                "transfer " + transfer.providerReference() + " settled")
                        .learner(transfer.learnerId())
                        .debit(Accounts.inTransit(transfer.learnerId()), transfer.amountMinor())
                        .credit(Accounts.PROVIDER_CLEARING, transfer.amountMinor())
                        .build())
                .chain(() -> outbox.add(new PayoutSent(transfer.id(), transfer.learnerId(),
                        new Money(transfer.amountMinor(), transfer.currency()), transfer.providerReference(), transfer.sentAt())))
                .replaceWithVoid();
    }

    private Uni<Void> fail(Transfer transfer, String reason, Tally tally) {
        Instant now = clock.instant();
        tally.failed.incrementAndGet();
        Uni<Void> outcome;
        if (transfer.attempt() >= maxAttempts) {
            transfer.reversed(reason + "; gave up after " + transfer.attempt() + " attempts");
            outcome = ledger.post(Posting.builder("transfer-reversed:" + transfer.id(), "payout-reversed", transfer.currency(),
                                    "transfer gave up after " + transfer.attempt() + " attempts: " + reason)
                            .learner(transfer.learnerId())
                            .debit(Accounts.inTransit(transfer.learnerId()), transfer.amountMinor())
                            .credit(Accounts.payable(transfer.learnerId()), transfer.amountMinor())
                            .build())
                    .chain(() -> payables.releaseFrom(transfer.id()))
                    .replaceWithVoid();
        } else {
            transfer.failed(reason, now.plus(backoff(transfer.attempt())));
            outcome = Uni.createFrom().voidItem();
        }
        return outcome.chain(() -> outbox.add(new PayoutFailed(transfer.id(), transfer.learnerId(),
                new Money(transfer.amountMinor(), transfer.currency()), reason, transfer.attempt(), now))).replaceWithVoid();
    }

    private Duration backoff(int attempt) {
        Duration delay = retryBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static final class Tally {
        final AtomicInteger reconciled = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger settled = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        Summary summary() {
            return new Summary(reconciled.get(), created.get(), settled.get(), sent.get(), failed.get());
        }
    }
}
