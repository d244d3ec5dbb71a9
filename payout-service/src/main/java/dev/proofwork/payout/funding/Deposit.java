package dev.proofwork.payout.funding;

import dev.proofwork.events.Money;
import dev.proofwork.runtime.domain.DomainException.KeyReused;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Money an employer paid in through the provider, credited to the org's available balance. */
@Entity
@Table(name = "deposit")
public class Deposit {

    @Id
    private UUID id;
    private String orgId;
    private String idempotencyKey;
    private long amountMinor;
    private String currency;
    private String providerReference;
    private UUID postingId;
    private String depositedBy;
    private Instant createdAt;

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

    /**
     * A request under this deposit's Idempotency-Key replays it when it asks for the same money.
     *
     * @throws KeyReused when the key was used for a different deposit
     */
    DepositView replayedBy(DepositRequest request) {
        if (amountMinor != request.amountMinor() || !currency.equals(request.currency())) {
            throw new KeyReused("this Idempotency-Key was used for a deposit of " + amountMinor + " " + currency
                    + "; use a new key for a different deposit").with("field", "Idempotency-Key");
        }
        return view();
    }

    DepositView view() {
        return new DepositView(id, orgId, new Money(amountMinor, currency), providerReference, createdAt);
    }
}
