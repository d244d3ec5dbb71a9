package dev.proofwork.payout.transfer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One amount the platform owes a learner (a base pay, a bonus share), and the transfer that carries it. Open
 * until a transfer takes it or it is cancelled; a transfer that gives up hands it back (see
 * {@link PayableRepository#releaseFrom}).
 */
@Entity
@Table(name = "payable")
public class Payable {

    @Id
    private UUID id;
    private String learnerId;
    private UUID postingId;
    private String kind;
    private UUID auditionId;
    private String currency;
    private long amountMinor;
    private Instant accruedAt;
    private UUID transferId;
    private Instant cancelledAt;

    protected Payable() {
    }

    Payable(String learnerId, UUID postingId, String kind, UUID auditionId, String currency, long amountMinor,
            Instant accruedAt) {
        this.id = UUID.randomUUID();
        this.learnerId = learnerId;
        this.postingId = postingId;
        this.kind = kind;
        this.auditionId = auditionId;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.accruedAt = accruedAt;
    }

    boolean open() {
        return transferId == null && cancelledAt == null;
    }

    void takenBy(UUID transferId) {
        if (!open()) {
            throw new IllegalStateException("payable " + id + " is already in a transfer or cancelled");
        }
        this.transferId = transferId;
    }

    /** @return whether it was cancelled now; money already in a transfer is not */
    boolean cancel(Instant at) {
        if (!open()) {
            return false;
        }
        cancelledAt = at;
        return true;
    }

    UUID id() {
        return id;
    }

    String kind() {
        return kind;
    }

    UUID auditionId() {
        return auditionId;
    }

    String currency() {
        return currency;
    }

    long amountMinor() {
        return amountMinor;
    }

    Instant accruedAt() {
        return accruedAt;
    }

    UUID transferId() {
        return transferId;
    }

    boolean cancelled() {
        return cancelledAt != null;
    }
}
