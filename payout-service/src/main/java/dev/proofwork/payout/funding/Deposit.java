package dev.proofwork.payout.funding;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Money an employer paid in through the provider, credited to the org's available balance. */
@Entity
@Table(name = "deposit")
public class Deposit extends PanacheEntityBase {

    @Id
    UUID id;
    String orgId;
    String idempotencyKey;
    long amountMinor;
    String currency;
    String providerReference;
    UUID postingId;
    String depositedBy;
    Instant createdAt;

    protected Deposit() {
    }

    Deposit(UUID id, String orgId, String idempotencyKey, long amountMinor, String currency, String providerReference,
            UUID postingId, String depositedBy, Instant createdAt) {
        this.id = id;
        this.orgId = orgId;
        this.idempotencyKey = idempotencyKey;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.providerReference = providerReference;
        this.postingId = postingId;
        this.depositedBy = depositedBy;
        this.createdAt = createdAt;
    }

    boolean sameRequestAs(DepositRequest request) {
        return amountMinor == request.amountMinor() && currency.equals(request.currency());
    }
}
