package dev.proofwork.payout.provider;

import dev.proofwork.events.Money;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A provider that keeps its books in memory, honouring idempotency keys as a real one does. By default it
 * accepts everything and settles at once; it can be told to decline, to time out after accepting, or to
 * settle late, either for every call ({@code proofwork.provider.simulated.*}) or for the next few.
 */
@ApplicationScoped
public class SimulatedPaymentProvider implements PaymentProvider {

    /** How the next transfers behave. */
    public enum Behaviour {
        SETTLE,
        /** accepted, settled only when asked for its status */
        SETTLE_LATE,
        DECLINE,
        /** accepted, but the answer is lost: the caller sees a timeout */
        TIME_OUT
    }

    private final Map<String, PaymentProvider.TransferReceipt> transfers = new ConcurrentHashMap<>();
    private final Map<String, String> collections = new ConcurrentHashMap<>();
    private final Map<String, Long> sentMinor = new ConcurrentHashMap<>();
    private final Behaviour standing;
    private final Map<String, Behaviour> nextBehaviour = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> nextCount = new ConcurrentHashMap<>();
    private final boolean declineDeposits;
    private volatile boolean declineNextDeposit;

    SimulatedPaymentProvider(@ConfigProperty(name = "proofwork.provider.simulated.transfers") Behaviour standing,
            @ConfigProperty(name = "proofwork.provider.simulated.decline-deposits") boolean declineDeposits) {
        this.standing = standing;
        this.declineDeposits = declineDeposits;
    }

    /** The next {@code count} new transfers to that account behave so; later ones return to the standing behaviour. */
    public void nextTransfers(String accountReference, Behaviour behaviour, int count) {
        nextBehaviour.put(accountReference, behaviour);
        nextCount.put(accountReference, new AtomicInteger(count));
    }

    public void declineNextDeposit() {
        declineNextDeposit = true;
    }

    /** Total sent to an account reference, counted once per idempotency key: what a learner really received. */
    public long receivedMinor(String accountReference) {
        return sentMinor.getOrDefault(accountReference, 0L);
    }

    @Override
    public Uni<String> collect(String idempotencyKey, String orgId, Money amount) {
        String known = collections.get(idempotencyKey);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        if (declineDeposits || declineNextDeposit) {
            declineNextDeposit = false;
            return Uni.createFrom().failure(new ProviderDeclinedException("card declined by the issuing bank"));
        }
        return Uni.createFrom().item(collections.computeIfAbsent(idempotencyKey, key -> "sim-dep-" + UUID.randomUUID()));
    }

    @Override
    public Uni<TransferReceipt> send(String idempotencyKey, String accountReference, Money amount) {
        TransferReceipt known = transfers.get(idempotencyKey);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        Behaviour behaviour = behaviourForNewTransfer(accountReference);
        String reference = "sim-tr-" + UUID.randomUUID();
        return switch (behaviour) {
            case SETTLE -> Uni.createFrom().item(record(idempotencyKey, accountReference, amount,
                    new TransferReceipt(TransferState.SETTLED, reference, null)));
            case SETTLE_LATE -> Uni.createFrom().item(record(idempotencyKey, accountReference, amount,
                    new TransferReceipt(TransferState.PROCESSING, reference, null)));
            case DECLINE -> {
                transfers.put(idempotencyKey, new TransferReceipt(TransferState.FAILED, reference, "account closed"));
                yield Uni.createFrom().failure(new ProviderDeclinedException("account closed"));
            }
            case TIME_OUT -> {
                record(idempotencyKey, accountReference, amount, new TransferReceipt(TransferState.PROCESSING, reference, null));
                yield Uni.createFrom().failure(new TimeoutException("no answer from the provider"));
            }
        };
    }

    @Override
    public Uni<TransferReceipt> transferStatus(String idempotencyKey) {
        TransferReceipt known = transfers.get(idempotencyKey);
        if (known == null) {
            return Uni.createFrom().item(new TransferReceipt(TransferState.UNKNOWN, null, null));
        }
        if (known.state() == TransferState.PROCESSING) {
            TransferReceipt settled = new TransferReceipt(TransferState.SETTLED, known.providerReference(), null);
            transfers.put(idempotencyKey, settled);
            return Uni.createFrom().item(settled);
        }
        return Uni.createFrom().item(known);
    }

    private TransferReceipt record(String key, String accountReference, Money amount, TransferReceipt receipt) {
        transfers.put(key, receipt);
        sentMinor.merge(accountReference, amount.amountMinor(), Long::sum);
        return receipt;
    }

    private Behaviour behaviourForNewTransfer(String accountReference) {
        AtomicInteger left = nextCount.get(accountReference);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return nextBehaviour.get(accountReference);
        }
        return standing;
    }
}
