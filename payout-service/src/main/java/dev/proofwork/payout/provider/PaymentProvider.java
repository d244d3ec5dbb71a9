package dev.proofwork.payout.provider;

import dev.proofwork.events.Money;
import io.smallrye.mutiny.Uni;

/**
 * The payment provider, the one part of the system outside our walls. Every call carries an idempotency
 * key: the provider applies a key once, and answers a repeated key with the first outcome. An adapter for
 * a real provider implements this; {@link SimulatedPaymentProvider} stands in until one is contracted.
 */
public interface PaymentProvider {

    /** Collects an employer's deposit; a declined collection fails with {@link ProviderDeclinedException}. */
    Uni<String> collect(String idempotencyKey, String orgId, Money amount);

    /**
     * Sends money to a learner's payout account. A decline fails with {@link ProviderDeclinedException};
     * any other failure (a timeout) leaves the outcome unknown, for {@link #transferStatus} to tell later.
     */
    Uni<TransferReceipt> send(String idempotencyKey, String accountReference, Money amount);

    Uni<TransferReceipt> transferStatus(String idempotencyKey);

    /** @param state what the provider says about a transfer: a settled transfer has reached the learner */
    record TransferReceipt(TransferState state, String providerReference, String failureReason) {
    }

    enum TransferState {
        /** Accepted, on its way. */
        PROCESSING,
        SETTLED,
        FAILED,
        /** The provider never received the key: safe to send again. */
        UNKNOWN
    }
}
