package dev.proofwork.payout.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One amount the platform owes a learner (a base pay, a bonus share), and the transfer that carries it. */
@Entity
@Table(name = "payable")
public class Payable extends PanacheEntityBase {

    @Id
    UUID id;
    String learnerId;
    UUID postingId;
    String kind;
    UUID auditionId;
    String currency;
    long amountMinor;
    Instant accruedAt;
    UUID transferId;
    Instant cancelledAt;

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
}
