package dev.proofwork.payout.transfer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Where a learner's money goes at the payment provider; transfers wait until there is one. */
@Entity
@Table(name = "payout_account")
public class PayoutAccount extends PanacheEntityBase {

    @Id
    String learnerId;
    String providerAccountRef;
    String previousAccountRef;
    Instant addedAt;
    Instant updatedAt;
    Instant usableFrom;

    protected PayoutAccount() {
    }

    PayoutAccount(String learnerId, String providerAccountRef, Instant at) {
        this.learnerId = learnerId;
        this.providerAccountRef = providerAccountRef;
        this.addedAt = at;
        this.updatedAt = at;
        this.usableFrom = at;
    }

    /** A different account takes transfers only after the cooling period; the same one changes nothing. */
    void change(String providerAccountRef, Instant at, Duration cooling) {
        if (providerAccountRef.equals(this.providerAccountRef)) {
            return;
        }
        this.previousAccountRef = this.providerAccountRef;
        this.providerAccountRef = providerAccountRef;
        this.updatedAt = at;
        this.usableFrom = at.plus(cooling);
    }

    boolean cooling(Instant now) {
        return usableFrom.isAfter(now);
    }

    /** The account as its owner sees it: a recent change and when transfers to it resume are in plain view. */
    public record View(String accountReference, Instant addedAt, Instant updatedAt, String previousAccountReference,
            Instant usableFrom) {
    }

    View view() {
        return new View(providerAccountRef, addedAt, updatedAt, previousAccountRef, usableFrom);
    }
}
