package dev.proofwork.payout.transfer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A learner's payables batched into one provider transfer. PENDING, then SENDING while the provider call is
 * out, SENT when accepted (or when its answer was lost), SETTLED once the provider confirms. A definite
 * failure is FAILED and retried with backoff under a new attempt's key; after the last attempt the money is
 * REVERSED to the learner's payable for a later run.
 */
@Entity
@Table(name = "transfer")
public class Transfer {

    public enum State {
        PENDING, SENDING, SENT, SETTLED, FAILED, REVERSED
    }

    @Id
    private UUID id;
    private String learnerId;
    private String currency;
    private long amountMinor;
    private String providerAccountRef;
    @Enumerated(EnumType.STRING)
    private State state;
    private int attempt;
    private String idempotencyKey;
    private String providerReference;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    private Instant settledAt;
    private Instant nextAttemptAt;

    protected Transfer() {
    }

    Transfer(UUID id, String learnerId, String currency, long amountMinor, String providerAccountRef, Instant now) {
        this.id = id;
        this.learnerId = learnerId;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.providerAccountRef = providerAccountRef;
        this.state = State.PENDING;
        this.attempt = 1;
        this.idempotencyKey = key(id, 1);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    private static String key(UUID id, int attempt) {
        return "transfer:" + id + ":" + attempt;
    }

    /** Claimed for a send; a failed transfer starts its next attempt under a new key. */
    void sending(Instant now) {
        if (state == State.FAILED) {
            attempt++;
            idempotencyKey = key(id, attempt);
        }
        state = State.SENDING;
        sentAt = now;
    }

    void sent(String providerReference, String note) {
        state = State.SENT;
        this.providerReference = providerReference;
        this.lastError = note;
    }

    /** The provider never saw this key: send it again, under the same key. */
    void resend(Instant now) {
        state = State.PENDING;
        nextAttemptAt = now;
    }

    void settled(String providerReference, Instant now) {
        state = State.SETTLED;
        if (providerReference != null) {
            this.providerReference = providerReference;
        }
        settledAt = now;
        lastError = null;
    }

    void failed(String reason, Instant retryAt) {
        state = State.FAILED;
        lastError = reason;
        nextAttemptAt = retryAt;
    }

    void reversed(String reason) {
        state = State.REVERSED;
        lastError = reason;
    }

    boolean awaitingAnswer(String key) {
        return (state == State.SENDING || state == State.SENT) && idempotencyKey.equals(key);
    }

    UUID id() {
        return id;
    }

    String learnerId() {
        return learnerId;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }

    String providerAccountRef() {
        return providerAccountRef;
    }

    State state() {
        return state;
    }

    int attempt() {
        return attempt;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String providerReference() {
        return providerReference;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    Instant settledAt() {
        return settledAt;
    }
}
