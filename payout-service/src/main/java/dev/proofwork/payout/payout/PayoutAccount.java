package dev.proofwork.payout.payout;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where a learner's money goes at the payment provider; transfers wait until there is one. */
@Entity
@Table(name = "payout_account")
public class PayoutAccount extends PanacheEntityBase {

    @Id
    String learnerId;
    String providerAccountRef;
    Instant addedAt;
    Instant updatedAt;

    protected PayoutAccount() {
    }

    PayoutAccount(String learnerId, String providerAccountRef, Instant at) {
        this.learnerId = learnerId;
        this.providerAccountRef = providerAccountRef;
        this.addedAt = at;
        this.updatedAt = at;
    }

    void change(String providerAccountRef, Instant at) {
        this.providerAccountRef = providerAccountRef;
        this.updatedAt = at;
    }

    public record View(String accountReference, Instant addedAt, Instant updatedAt) {
    }

    View view() {
        return new View(providerAccountRef, addedAt, updatedAt);
    }
}
